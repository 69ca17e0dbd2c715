// One way to write a lead (upsertLead): what it creates, updates, leaves alone and refuses, to
// the row, the follow-up clock and the audit entry, at a pinned clock; the form's policy over
// it; and that the form, the import and the seeds' batch writer write the same lead.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, asc, eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import { createImportJob } from '~/domain/import/jobs.server'
import { saveMapping } from '~/domain/import/preview.server'
import { beginImport, runImport } from '~/domain/import/run.server'
import { createLead } from '~/domain/leads/create-lead.server'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { leadUpserter, upsertLead } from '~/domain/leads/upsert-lead.server'
import { type AuditEntry, verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'
import { auditEvents, followUps, importJobs, leads, settings } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { userId } from '../support/leads'

// Monday 23 November 2026, 10:00 in London (UTC in winter).
const AT = new Date(Date.UTC(2026, 10, 23, 10))
const LATER = new Date(Date.UTC(2026, 10, 24, 9))
// The default follow-up SLA, 48 working hours (whole weekdays): Wednesday at the same time.
const DUE = new Date(Date.UTC(2026, 10, 25, 10))

let versionId: number
beforeAll(async () => {
  await seedDemo(getDb(), AT, { data: false })
  versionId = activateDefinition(getDb(), ICP_CRITERIA, AT)
})

const fieldsOf = (input: Record<string, string>) => LeadFieldsSchema.parse(input)
const ACME = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'VP Sales',
  company: 'Acme',
  companyDomain: 'acme.example',
  industry: 'Software',
  employeeCount: '400',
  country: 'Germany',
  source: 'Webinar',
}

const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
const auditOf = (id: number) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'lead'), eq(auditEvents.subjectId, String(id))))
    .orderBy(asc(auditEvents.id))
    .all()
    .map((e) => ({
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      before: e.before as Record<string, unknown> | null,
      after: (e.after ?? {}) as Record<string, unknown>,
    }))
const followUpsOf = (id: number) =>
  getDb()
    .select({
      kind: followUps.kind,
      repId: followUps.repId,
      startedAt: followUps.startedAt,
      dueAt: followUps.dueAt,
      actedAt: followUps.actedAt,
    })
    .from(followUps)
    .where(eq(followUps.leadId, id))
    .all()
const searchFor = (word: string) =>
  getDb()
    .$client.prepare('SELECT rowid AS id FROM leads_search WHERE leads_search MATCH ?')
    .all(`"${word}"`)

describe('upsertLead', () => {
  let id: number
  it('creates a lead: handed to the next rep in turn, its clock, evaluation, audit entry and search index', () => {
    const maya = userId('maya')
    const dana = userId('dana')
    const result = upsertLead(
      getDb(),
      maya,
      fieldsOf({ externalId: 'UP-1', email: 'ada@acme.example', ...ACME }),
      {},
      AT,
    )
    expect(result).toEqual({ ok: true, leadId: expect.any(Number), outcome: 'created' })
    id = (result as { leadId: number }).leadId
    const { id: _id, ...row } = leadRow(id) as NonNullable<ReturnType<typeof leadRow>>
    expect(row).toEqual({
      externalId: 'UP-1',
      email: 'ada@acme.example',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: null,
      title: 'VP Sales',
      company: 'Acme',
      companyDomain: 'acme.example',
      industry: 'Software',
      employeeCount: 400,
      country: 'Germany',
      source: 'Webinar',
      campaign: null,
      lifecycleStage: null,
      engagementScore: null,
      purchaseTimelineMonths: null,
      notes: null,
      custom: {},
      ownerId: dana,
      marketerId: maya,
      status: 'new',
      handedOverAt: AT,
      history: false,
      convertedAt: null,
      opportunityRef: null,
      opportunityAmount: null,
      reengaged: false,
      reengagedAt: null,
      clockStartedAt: AT,
      followUpDueAt: DUE,
      acceptedAt: null,
      definitionVersionId: versionId,
      evaluation: 'meets',
      createdBy: maya,
      createdAt: AT,
      updatedAt: AT,
      importJobId: null,
      importLine: null,
    })
    expect(followUpsOf(id)).toEqual([
      { kind: 'hand_over', repId: dana, startedAt: AT, dueAt: DUE, actedAt: null },
    ])
    expect(auditOf(id)).toEqual([
      {
        at: AT,
        actorId: maya,
        action: 'lead.created',
        before: null,
        after: {
          externalId: 'UP-1',
          email: 'ada@acme.example',
          firstName: 'Ada',
          lastName: 'Lovelace',
          phone: null,
          title: 'VP Sales',
          company: 'Acme',
          companyDomain: 'acme.example',
          industry: 'Software',
          employeeCount: 400,
          country: 'Germany',
          source: 'Webinar',
          campaign: null,
          lifecycleStage: null,
          engagementScore: null,
          purchaseTimelineMonths: null,
          notes: null,
          custom: {},
          ownerId: dana,
          marketerId: maya,
        },
      },
    ])
    expect(searchFor('lovelace')).toEqual([{ id }])
    // The turn moved on: the next lead without a named owner goes to the rep after Dana.
    expect(
      getDb().select().from(settings).where(eq(settings.key, 'round_robin_last_rep')).get()?.value,
    ).toBe(dana)
  })

  it('updates the lead its external id names: given fields replace, blanks keep, the owner stays', () => {
    const before = auditOf(id).length
    const result = upsertLead(
      getDb(),
      userId('ben'),
      fieldsOf({ externalId: 'UP-1', employeeCount: '10', campaign: 'Spring' }),
      { custom: { Rating: 'Hot' } },
      LATER,
    )
    expect(result).toEqual({ ok: true, leadId: id, outcome: 'updated' })
    const row = leadRow(id)
    expect(row).toMatchObject({
      firstName: 'Ada',
      email: 'ada@acme.example',
      title: 'VP Sales',
      employeeCount: 10,
      campaign: 'Spring',
      custom: { Rating: 'Hot' },
      ownerId: userId('dana'),
      handedOverAt: AT,
      updatedAt: LATER,
      // Judged again against its own version: ten people are too few.
      evaluation: 'does_not_meet',
    })
    expect(auditOf(id).slice(before)).toEqual([
      {
        at: LATER,
        actorId: userId('ben'),
        action: 'lead.updated',
        before: { employeeCount: 400, campaign: null },
        after: { employeeCount: 10, campaign: 'Spring' },
      },
    ])
    expect(followUpsOf(id)).toHaveLength(1)
  })

  it('leaves a lead alone when nothing changes, matched by e-mail as well', () => {
    const before = auditOf(id)
    const result = upsertLead(
      getDb(),
      userId('ben'),
      fieldsOf({ email: 'ada@acme.example', employeeCount: '10' }),
      { custom: { Rating: 'Hot' } },
      new Date(LATER.getTime() + 60_000),
    )
    expect(result).toEqual({ ok: true, leadId: id, outcome: 'unchanged' })
    expect(auditOf(id)).toEqual(before)
    expect(leadRow(id)?.updatedAt).toEqual(LATER)
  })

  it('refuses keys of two different leads and an owner who is no active rep, writing nothing', () => {
    const leadsBefore = getDb().select().from(leads).all().length
    const entriesBefore = getDb().select().from(auditEvents).all().length
    expect(
      upsertLead(
        getDb(),
        userId('maya'),
        fieldsOf({ externalId: 'UP-2', email: 'ada@acme.example' }),
        {},
        LATER,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {
        email: ['The e-mail ada@acme.example belongs to a lead with another external id (UP-1)'],
      },
    })
    expect(
      upsertLead(
        getDb(),
        userId('maya'),
        fieldsOf({ externalId: 'UP-3', owner: 'ghost@brightline.test' }),
        {},
        LATER,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { owner: ['No active rep is called or has the e-mail “ghost@brightline.test”'] },
    })
    expect(getDb().select().from(leads).all()).toHaveLength(leadsBefore)
    expect(getDb().select().from(auditEvents).all()).toHaveLength(entriesBefore)
  })
})

describe('the form (createLead)', () => {
  it('refuses a lead already there, by external id or e-mail, and points to it', () => {
    const [lead] = getDb().select().from(leads).where(eq(leads.externalId, 'UP-1')).all()
    expect(
      createLead(getDb(), userId('maya'), fieldsOf({ externalId: 'UP-1', firstName: 'X' }), AT),
    ).toEqual({
      ok: false,
      fieldErrors: { externalId: ['A lead with this external id already exists'] },
      existingLeadId: lead?.id,
    })
    expect(
      createLead(getDb(), userId('maya'), fieldsOf({ email: 'ada@acme.example' }), AT),
    ).toEqual({
      ok: false,
      fieldErrors: { email: ['A lead with this e-mail address already exists'] },
      existingLeadId: lead?.id,
    })
  })
})

describe('the form, the import and seed:large write the same lead', () => {
  // The same input but for its keys, handed to Omar by Maya at AT, each way.
  const input = { ...ACME, owner: 'omar@brightline.test' }
  const written = () =>
    getDb()
      .select()
      .from(leads)
      .where(like(leads.externalId, 'SAME-%'))
      .orderBy(asc(leads.externalId))
      .all()

  it('has the same columns, follow-up and audit content whichever way it came in', async () => {
    const db = getDb()
    const maya = userId('maya')
    const omar = userId('omar')
    // The form.
    expect(
      createLead(
        db,
        maya,
        fieldsOf({ externalId: 'SAME-1', email: 'a@acme.example', ...input }),
        AT,
      ).ok,
    ).toBe(true)
    // The import: a file through the mapping step, run at the pinned clock.
    const path = join(process.env.DATABASE_PATH as string, '..', 'same.csv')
    const headers = Object.keys({ externalId: 1, email: 1, ...input })
    const values = Object.values({ externalId: 'SAME-2', email: 'b@acme.example', ...input })
    writeFileSync(path, `${headers.join(',')}\n${values.join(',')}\n`)
    const job = await createImportJob(db, maya, { name: 'same.csv', path, size: 1 }, AT)
    if (!job.ok) throw new Error(JSON.stringify(job.fieldErrors))
    const mapping = Object.fromEntries(headers.map((h) => [h, h]))
    expect(await saveMapping(db, job.jobId, mapping, {}, AT)).toEqual({ ok: true })
    expect(beginImport(db, maya, job.jobId, AT)).toEqual({ ok: true })
    await runImport(db, job.jobId, () => AT)
    expect(db.select().from(importJobs).where(eq(importJobs.id, job.jobId)).get()).toMatchObject({
      status: 'done',
      created: 1,
      failed: 0,
    })
    // seed:large: the batch writer with an owner and a hand-over of its own, and its own audit sink.
    const entries: [AuditEntry, Date][] = []
    db.transaction((tx) => {
      const upserter = leadUpserter(tx, maya, {
        audit: { append: (e, at) => entries.push([e, at]) },
      })
      const fields: LeadFields = fieldsOf({
        externalId: 'SAME-3',
        email: 'c@acme.example',
        ...ACME,
      })
      const result = upserter.upsert(
        fields,
        { ownerId: omar, handOver: currentHandOver(tx, maya) },
        AT,
      )
      expect(result).toMatchObject({ ok: true, outcome: 'created' })
      upserter.finish()
    })

    const [form, imported, seeded] = written()
    const same = (lead: typeof form) => {
      const { id, externalId, email, importJobId, importLine, ...rest } = lead as NonNullable<
        typeof form
      >
      return rest
    }
    expect(same(imported)).toEqual(same(form))
    expect(same(seeded)).toEqual(same(form))
    expect(same(form)).toMatchObject({ ownerId: omar, marketerId: maya, evaluation: 'meets' })
    expect(imported).toMatchObject({ importJobId: job.jobId, importLine: 2 })

    const clock = (lead: typeof form) => followUpsOf((lead as NonNullable<typeof form>).id)
    expect(clock(form)).toEqual([
      { kind: 'hand_over', repId: omar, startedAt: AT, dueAt: DUE, actedAt: null },
    ])
    expect(clock(imported)).toEqual(clock(form))
    expect(clock(seeded)).toEqual(clock(form))

    const content = (after: Record<string, unknown>) => {
      const { externalId, email, ...rest } = after
      return rest
    }
    const [formEntry = { after: {} }] = auditOf((form as NonNullable<typeof form>).id)
    const [importEntry = { after: {} }] = auditOf((imported as NonNullable<typeof form>).id)
    expect(formEntry).toMatchObject({ at: AT, actorId: maya, action: 'lead.created' })
    expect(importEntry).toMatchObject({ at: AT, actorId: maya, action: 'lead.created' })
    expect(content(importEntry.after)).toEqual(content(formEntry.after))
    // The seed's entry goes to its own sink (chained later in time order), with the same content.
    expect(entries).toHaveLength(1)
    const [[seedEntry, seedAt]] = entries as [[AuditEntry, Date]]
    expect(seedAt).toEqual(AT)
    expect(seedEntry).toMatchObject({ actorId: maya, action: 'lead.created', subjectType: 'lead' })
    expect(content(JSON.parse(JSON.stringify(seedEntry.after)))).toEqual(content(formEntry.after))
    expect(verifyAuditTrail(db)).toMatchObject({ ok: true })
  })
})

describe('the batched writer (the import, the API batches)', () => {
  it('holds new leads with no CRM past until finish, then writes them in one statement', () => {
    const db = getDb()
    const maya = userId('maya@brightline.test')
    const count = () => db.$client.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }
    const before = count().n
    db.transaction(
      (tx) => {
        const upserter = leadUpserter(tx, maya, { batched: true })
        for (const n of [1, 2, 3]) {
          const written = upserter.upsert(
            fieldsOf({ ...ACME, externalId: `HELD-${n}`, email: `held${n}@acme.example` }),
            { past: { rejected: null, won: null } },
            AT,
          )
          expect(written).toMatchObject({ ok: true, outcome: 'created' })
        }
        // An import row's past with neither a rejection nor a win refers to no lead: held.
        expect(count().n).toBe(before)
        upserter.finish()
        expect(count().n).toBe(before + 3)
      },
      { behavior: 'immediate' },
    )
  })
})
