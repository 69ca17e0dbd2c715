// The Nurture pool (decision 26): leads enter it on a nurture verdict or concession, the pool
// tells what changed, a marketer hands a lead back to Sales, and an import or an edit that
// wakes a nurtured lead up flags it (or hands it back, when Settings say so).
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { castVote } from '~/domain/cases/cast-vote.server'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead } from '~/domain/leads/upsert-lead.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { updateNurtureSettings } from '~/domain/settings/settings.server'
import { addWorkingHours } from '~/domain/sla/clock'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as jobAction, loader as jobLoader } from '~/routes/imports.$jobId'
import { action as uploadAction } from '~/routes/imports.new'
import { action as editAction, loader as editLoader } from '~/routes/leads.$leadId_.edit'
import { action as poolAction, loader as poolLoader } from '~/routes/nurture._index'
import {
  auditEvents,
  cases,
  followUps,
  leads,
  notifications,
  nurtureStays,
  reasons,
} from '~db/schema'
import { allDayWeekdays } from '../support/calendar'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { rejectedLead, seedTeam } from '../support/factories'
import {
  getArgs,
  locationOf,
  payloadOf,
  postArgs,
  settle,
  statusOf,
  uploadArgs,
} from '../support/http'
import { waitForImport } from '../support/imports'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// Monday 23 November 2026: handed over at 08:00, rejected at 09:00, sent to nurture at 10:00.
const HANDED = new Date('2026-11-23T08:00:00Z')
const REJECTED = new Date('2026-11-23T09:00:00Z')
const NURTURED = new Date('2026-11-23T10:00:00Z')
const CHANGED = new Date('2026-12-01T10:00:00Z')
const NOW = new Date('2026-12-03T10:00:00Z')

const cookies: Record<string, string> = {}
let v1 = 0

beforeAll(async () => {
  await seedTeam()
  v1 = activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['dana', 'maya', 'felix', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

let domains = 0
/** A lead Dana rejected and Maya conceded to nurture: 20 employees (under the definition's 50). */
function nurturedLead(fields: Record<string, string> = {}) {
  domains++
  const { leadId, caseId } = rejectedLead('dana', {
    fields: {
      employeeCount: '20',
      engagementScore: '30',
      title: 'Analyst',
      companyDomain: `pool${domains}.example`,
      ...fields,
    },
    handedOverAt: HANDED,
    at: REJECTED,
  })
  const conceded = concedeCase(getDb(), userId('maya'), caseId, 'nurture', NURTURED)
  if (!conceded.ok) throw new Error(JSON.stringify(conceded))
  const lead = leadRow(leadId)
  return { leadId, caseId, externalId: lead.externalId as string, domain: lead.companyDomain }
}

const leadRow = (id: number) => {
  const row = getDb().select().from(leads).where(eq(leads.id, id)).get()
  if (!row) throw new Error(`no lead ${id}`)
  return row
}
const staysOf = (leadId: number) =>
  getDb().select().from(nurtureStays).where(eq(nurtureStays.leadId, leadId)).all()
const auditOf = (leadId: number, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, String(leadId)), eq(auditEvents.action, action)))
    .all()
const toldAbout = (leadId: number, kind: 'reengaged' | 'handed_back') =>
  getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.leadId, leadId), eq(notifications.kind, kind)))
    .all()
    .map((n) => n.userId)

/** Writes changed fields to a lead by its external id, as an import or the edit form does. */
const change = (externalId: string, fields: Record<string, string>, at = CHANGED) =>
  upsertLead(getDb(), userId('maya'), LeadFieldsSchema.parse({ externalId, ...fields }), {}, at)

type Pool = Awaited<ReturnType<typeof poolLoader>>
const pool = async (who: string, query = '', now = NOW) =>
  settle(() => poolLoader(getArgs(`/nurture${query}`, { cookie: cookies[who], now })))
const rowsOf = (result: unknown) => payloadOf<Pool>(result).rows
const handBack = (fields: Record<string, string>, who = 'maya', now = NOW) =>
  settle(() =>
    poolAction(
      postArgs('/nurture', { intent: 'hand-back', ...fields }, { cookie: cookies[who], now }),
    ),
  )
const errorsOf = (r: unknown) => payloadOf<ActionReply>(r).result?.error ?? {}

describe('entering the Nurture pool', () => {
  it('a concession to nurture opens a stay with the lead as it entered', () => {
    const { leadId, caseId } = nurturedLead()
    const [stay] = staysOf(leadId)
    expect(stay).toMatchObject({
      leadId,
      caseId,
      startedAt: NURTURED,
      reengagedAt: null,
      reengagedWhy: null,
      endedAt: null,
      endedHow: null,
      endedBy: null,
      note: null,
    })
    expect(stay?.snapshot).toMatchObject({
      employeeCount: 20,
      engagementScore: 30,
      title: 'Analyst',
      status: 'nurture',
      ownerId: userId('dana'),
    })
  })

  it('a verdict "does not meet" with disposition nurture opens a stay at the deciding vote', () => {
    const { leadId, caseId } = rejectedLead('dana', {
      fields: { employeeCount: '12', engagementScore: '30' },
      handedOverAt: HANDED,
      at: REJECTED,
    })
    const decided = new Date('2026-11-24T15:00:00Z')
    for (const member of ['victor', 'clara', 'erin'])
      expect(
        castVote(
          getDb(),
          userId(member),
          caseId,
          {
            verdict: 'does_not_meet',
            disposition: 'nurture',
            rationale: 'Twelve people: below our size.',
            finding: {},
          },
          decided,
        ).ok,
      ).toBe(true)
    expect(leadRow(leadId).status).toBe('nurture')
    expect(staysOf(leadId)).toMatchObject([{ caseId, startedAt: decided, endedAt: null }])
  })

  it('a disqualified lead opens no stay', () => {
    const { leadId, caseId } = rejectedLead('dana', { handedOverAt: HANDED, at: REJECTED })
    concedeCase(getDb(), userId('maya'), caseId, 'disqualified', NURTURED)
    expect(staysOf(leadId)).toEqual([])
  })
})

describe('re-engagement', () => {
  it('a change that makes the lead meet the definition in force flags it once, and tells its marketer', () => {
    const { leadId, externalId } = nurturedLead()
    expect(change(externalId, { employeeCount: '200' })).toMatchObject({ outcome: 'updated' })
    expect(staysOf(leadId)).toMatchObject([
      { reengagedAt: CHANGED, reengagedWhy: ['Meets the definition v1'], endedAt: null },
    ])
    expect(leadRow(leadId).status).toBe('nurture')
    expect(auditOf(leadId, 'lead.reengaged')).toHaveLength(1)
    // A second change that would re-engage it again does not flag it twice.
    change(externalId, { engagementScore: '90' }, new Date(CHANGED.getTime() + DAY))
    expect(staysOf(leadId)[0]?.reengagedWhy).toEqual(['Meets the definition v1'])
    expect(auditOf(leadId, 'lead.reengaged')).toHaveLength(1)
    runJobs(getDb(), CHANGED)
    expect(toldAbout(leadId, 'reengaged')).toEqual([userId('maya')])
  })

  it('an engagement score rising to the threshold (70 by default) flags it', () => {
    const { leadId, externalId } = nurturedLead()
    change(externalId, { engagementScore: '69' })
    expect(staysOf(leadId)[0]?.reengagedAt).toBeNull()
    change(externalId, { engagementScore: '82', title: 'VP Sales' })
    expect(staysOf(leadId)[0]).toMatchObject({
      reengagedAt: CHANGED,
      reengagedWhy: ['Engagement score 69 → 82'],
    })
  })

  it('a change that wakes nothing up, or a lead not in nurture, is not flagged', () => {
    const { leadId, externalId } = nurturedLead()
    change(externalId, { title: 'Head of Analytics' })
    expect(staysOf(leadId)[0]?.reengagedAt).toBeNull()
    const fresh = handOverLead('dana', { engagementScore: '10' }, { at: HANDED })
    change(leadRow(fresh).externalId as string, { engagementScore: '95' })
    expect(staysOf(fresh)).toEqual([])
    expect(auditOf(fresh, 'lead.reengaged')).toEqual([])
  })

  it('with "hand back automatically" on, a lead that wakes up goes straight back to Sales', () => {
    const db = getDb()
    const sasha = userId('sasha')
    updateNurtureSettings(db, sasha, { reengagementScore: 70, autoHandBack: true }, CHANGED)
    try {
      const { leadId, externalId } = nurturedLead()
      change(externalId, { engagementScore: '75' })
      expect(staysOf(leadId)).toMatchObject([
        {
          reengagedAt: CHANGED,
          reengagedWhy: ['Engagement score 30 → 75'],
          endedAt: CHANGED,
          endedHow: 'auto_handed_back',
          endedBy: null,
          note: 'Engagement score 30 → 75',
        },
      ])
      expect(leadRow(leadId)).toMatchObject({
        status: 'new',
        ownerId: userId('dana'),
        reengaged: true,
        reengagedAt: CHANGED,
      })
      runJobs(db, CHANGED)
      expect(toldAbout(leadId, 'handed_back')).toEqual([userId('dana')])
      expect(toldAbout(leadId, 'reengaged')).toEqual([userId('maya')])
    } finally {
      updateNurtureSettings(db, sasha, { reengagementScore: 70, autoHandBack: false }, CHANGED)
    }
  })
})

describe('re-engagement through the import and the edit form', () => {
  const onJob = (id: number, fields: Record<string, string>) =>
    settle(() =>
      jobAction(
        postArgs(`/imports/${id}`, fields, { cookie: cookies.maya }, { jobId: String(id) }),
      ),
    )

  it('an imported row that lifts a nurtured lead’s score flags it in the pool', async () => {
    const { leadId, externalId } = nurturedLead()
    const csv = `Lead ID,Engagement Score,Title\r\n${externalId},91,Head of Operations\r\n`
    const uploaded = await settle(() =>
      uploadAction(
        uploadArgs('/imports/new', { name: 'hubspot.csv', content: csv }, { cookie: cookies.maya }),
      ),
    )
    const id = Number(locationOf(uploaded)?.split('/').pop())
    const page = payloadOf<{ job: { mapping: Record<string, string> } }>(
      await jobLoader(getArgs(`/imports/${id}`, { cookie: cookies.maya }, { jobId: String(id) })),
    )
    expect(page.job.mapping).toEqual({
      'Lead ID': 'externalId',
      'Engagement Score': 'engagementScore',
      Title: 'title',
    })
    const mapping = Object.fromEntries(
      Object.values(page.job.mapping).map((target, i) => [`column-${i}`, target]),
    )
    expect(statusOf(await onJob(id, { intent: 'save-mapping', ...mapping }))).toBe(302)
    await onJob(id, { intent: 'start' })
    expect(await waitForImport(id)).toMatchObject({ status: 'done', updated: 1, failed: 0 })
    expect(staysOf(leadId)[0]?.reengagedWhy).toEqual(['Engagement score 30 → 91'])
    expect(leadRow(leadId)).toMatchObject({ status: 'nurture', title: 'Head of Operations' })
  })

  it('a marketer’s edit that makes the lead meet the definition flags it; a rep may not edit', async () => {
    const { leadId, externalId } = nurturedLead()
    const params = { leadId: String(leadId) }
    expect(
      statusOf(
        await settle(() =>
          editLoader(getArgs(`/leads/${leadId}/edit`, { cookie: cookies.dana }, params)),
        ),
      ),
    ).toBe(403)
    const saved = await settle(() =>
      editAction(
        postArgs(
          `/leads/${leadId}/edit`,
          // The keys the form sends are ignored: the lead keeps its own.
          { externalId: 'SOMETHING-ELSE', email: '', employeeCount: '300', title: '' },
          { cookie: cookies.maya, now: CHANGED },
          params,
        ),
      ),
    )
    expect(locationOf(saved)).toBe(`/leads/${leadId}`)
    expect(leadRow(leadId)).toMatchObject({ externalId, employeeCount: 300, title: 'Analyst' })
    expect(staysOf(leadId)[0]).toMatchObject({
      reengagedAt: CHANGED,
      reengagedWhy: ['Meets the definition v1'],
    })
    const bad = await settle(() =>
      editAction(
        postArgs(
          `/leads/${leadId}/edit`,
          { externalId, engagementScore: '250' },
          { cookie: cookies.maya, now: CHANGED },
          params,
        ),
      ),
    )
    expect(statusOf(bad)).toBe(400)
    expect(errorsOf(bad).engagementScore).toEqual(['Engagement score must be between 0 and 100'])
  })
})

describe('the Nurture pool page', () => {
  it('lists re-engaged leads first, with what changed, new contacts and the definition now', async () => {
    const quiet = nurturedLead()
    const woken = nurturedLead({ engagementScore: '40' })
    change(woken.externalId, { engagementScore: '88', title: 'VP Sales', employeeCount: '150' })
    // Two new people at the woken lead's company since it entered the pool, one before.
    handOverLead(
      'omar',
      { companyDomain: woken.domain as string },
      { at: new Date(NURTURED.getTime() - HOUR) },
    )
    handOverLead('omar', { companyDomain: woken.domain as string }, { at: CHANGED })
    handOverLead('lucy', { companyDomain: woken.domain as string }, { at: CHANGED })

    const all = rowsOf(await pool('maya'))
    const reengagedFirst = all.findIndex((r) => !r.reengaged)
    expect(all.slice(0, reengagedFirst).every((r) => r.reengaged)).toBe(true)
    expect(all.slice(reengagedFirst).every((r) => !r.reengaged)).toBe(true)
    const row = all.find((r) => r.leadId === woken.leadId)
    expect(row).toMatchObject({
      caseId: woken.caseId,
      verdict: 'Conceded by marketing',
      disposition: 'nurture',
      age: '10 days',
      reengaged: true,
      why: ['Meets the definition v1', 'Engagement score 40 → 88'],
      newContacts: 2,
      definitionNow: 'meets',
      changes: [
        { field: 'engagementScore', label: 'Engagement score', before: '40', after: '88' },
        { field: 'title', label: 'Title', before: 'Analyst', after: 'VP Sales' },
        { field: 'employeeCount', label: 'Employee count', before: '20', after: '150' },
      ],
    })
    expect(all.find((r) => r.leadId === quiet.leadId)).toMatchObject({
      reengaged: false,
      changes: [],
      newContacts: 0,
      definitionNow: 'does_not_meet',
    })

    const onlyReengaged = rowsOf(await pool('maya', '?reengaged=1'))
    expect(onlyReengaged.length).toBeGreaterThan(0)
    expect(onlyReengaged.every((r) => r.reengaged)).toBe(true)
    expect(onlyReengaged.map((r) => r.leadId)).toContain(woken.leadId)
    expect(rowsOf(await pool('maya', `?lead=${quiet.leadId}`)).map((r) => r.leadId)).toEqual([
      quiet.leadId,
    ])
  })

  it('pages through the pool by keyset, re-engaged first then oldest, without repeats', async () => {
    const db = getDb()
    // More than a page: 25 more quiet leads.
    for (let i = 0; i < 25; i++) nurturedLead()
    const expected = db
      .select()
      .from(nurtureStays)
      .all()
      .filter((s) => s.endedAt === null)
      .sort(
        (a, b) =>
          Number(a.reengagedAt === null) - Number(b.reengagedAt === null) ||
          a.startedAt.getTime() - b.startedAt.getTime() ||
          a.id - b.id,
      )
      .map((s) => s.leadId)
    expect(expected.length).toBeGreaterThan(25)
    const seen: number[] = []
    let query = ''
    for (let page = 0; page < 5; page++) {
      const data = payloadOf<Pool>(await pool('maya', query))
      seen.push(...data.rows.map((r) => r.leadId))
      if (!data.nextCursor) break
      query = `?after=${data.nextCursor}`
    }
    expect(seen).toEqual(expected)
  })

  it('is open to marketers, leadership and the committee; a rep gets 403', async () => {
    expect(statusOf(await pool('dana'))).toBe(403)
    const felix = payloadOf<Pool>(await pool('felix'))
    expect(felix.canHandBack).toBe(false)
    expect(payloadOf<Pool>(await pool('maya')).canHandBack).toBe(true)
  })

  it('the marketer’s home counts the re-engaged leads in the pool', async () => {
    const home = payloadOf<{ reengagedInPool: number | null }>(
      await homeLoader(getArgs('/', { cookie: cookies.maya, now: NOW })),
    )
    const flagged = getDb()
      .select()
      .from(nurtureStays)
      .all()
      .filter((s) => s.endedAt === null && s.reengagedAt !== null).length
    expect(home.reengagedInPool).toBe(flagged)
    const rep = payloadOf<{ reengagedInPool: number | null }>(
      await homeLoader(getArgs('/', { cookie: cookies.dana, now: NOW })),
    )
    expect(rep.reengagedInPool).toBeNull()
  })
})

describe('Hand back to Sales', () => {
  it('makes the lead new again: a re-engaged hand-over with a fresh clock, judged by the version in force', async () => {
    const db = getDb()
    const { leadId, caseId } = nurturedLead()
    const before = leadRow(leadId)
    const note = 'Raised a Series B and asked for a demo.'
    const done = await handBack({ leadId: String(leadId), note })
    expect(statusOf(done)).toBe(200)
    expect(payloadOf<ActionReply>(done).notice).toMatch(/Handed back to Sales/)
    const due = addWorkingHours(NOW, 48, allDayWeekdays('Europe/London'))
    expect(leadRow(leadId)).toMatchObject({
      status: 'new',
      ownerId: userId('dana'),
      marketerId: userId('maya'),
      handedOverAt: before.handedOverAt,
      clockStartedAt: NOW,
      followUpDueAt: due,
      definitionVersionId: v1,
      evaluation: 'does_not_meet',
      reengaged: true,
      reengagedAt: NOW,
    })
    const clocks = db.select().from(followUps).where(eq(followUps.leadId, leadId)).all()
    expect(clocks.at(-1)).toMatchObject({
      repId: userId('dana'),
      kind: 'hand_over',
      startedAt: NOW,
      dueAt: due,
      actedAt: null,
      reengaged: true,
    })
    expect(clocks[0]?.reengaged).toBe(false)
    expect(staysOf(leadId)).toMatchObject([
      { caseId, endedAt: NOW, endedHow: 'handed_back', endedBy: userId('maya'), note },
    ])
    expect(auditOf(leadId, 'lead.handed_back')).toMatchObject([{ actorId: userId('maya') }])
    runJobs(db, NOW)
    expect(toldAbout(leadId, 'handed_back')).toEqual([userId('dana')])

    // Submitted twice: refused, and nothing changes.
    const again = await handBack(
      { leadId: String(leadId), note },
      'maya',
      new Date(NOW.getTime() + HOUR),
    )
    expect(statusOf(again)).toBe(400)
    expect(errorsOf(again)['']?.[0]).toMatch(/not in the Nurture pool/)
    expect(leadRow(leadId).clockStartedAt).toEqual(NOW)
    expect(staysOf(leadId)).toHaveLength(1)
    expect(db.select().from(followUps).where(eq(followUps.leadId, leadId)).all()).toHaveLength(
      clocks.length,
    )

    // The rep sees it in their queue, marked re-engaged.
    const home = payloadOf<{ queue: { rows: { id: number; reengaged: boolean }[] } }>(
      await homeLoader(getArgs('/', { cookie: cookies.dana, now: NOW })),
    )
    expect(home.queue.rows.find((r) => r.id === leadId)?.reengaged).toBe(true)

    // A later rejection is a re-engaged case that links to the earlier one.
    const reason = db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
    const rejected = rejectLead(
      db,
      { id: userId('dana') },
      leadId,
      { reasonId: reason?.id ?? 0, notes: 'Still no budget', contactAttempts: 2 },
      new Date(NOW.getTime() + 2 * HOUR),
    )
    if (!rejected.ok) throw new Error(JSON.stringify(rejected))
    expect(db.select().from(cases).where(eq(cases.id, rejected.caseId)).get()).toMatchObject({
      reengaged: true,
      previousCaseId: caseId,
    })
    expect(db.select().from(cases).where(eq(cases.id, caseId)).get()?.reengaged).toBe(false)
  })

  it('refuses an empty note (400 naming note), a lead not in the pool, and anyone but a marketer', async () => {
    const { leadId } = nurturedLead()
    const empty = await handBack({ leadId: String(leadId), note: '  ' })
    expect(statusOf(empty)).toBe(400)
    expect(errorsOf(empty).note).toEqual(['Say what is new about the lead'])
    const fresh = handOverLead('dana', {}, { at: HANDED })
    const notInPool = await handBack({ leadId: String(fresh), note: 'New budget' })
    expect(statusOf(notInPool)).toBe(400)
    expect(errorsOf(notInPool)['']?.[0]).toMatch(/not in the Nurture pool/)
    expect(statusOf(await handBack({ leadId: String(leadId), note: 'x' }, 'dana'))).toBe(403)
    expect(statusOf(await handBack({ leadId: String(leadId), note: 'x' }, 'felix'))).toBe(403)
    expect(leadRow(leadId).status).toBe('nurture')
    expect(staysOf(leadId)[0]?.endedAt).toBeNull()
  })

  it('judges the lead against the version in force at the hand-back, not at its first hand-over', async () => {
    const db = getDb()
    const { leadId } = nurturedLead({ employeeCount: '30' })
    expect(leadRow(leadId).definitionVersionId).toBe(v1)
    // Version 2: 25 employees make a lead.
    const v2 = activateDefinition(
      db,
      ICP_CRITERIA.map((c) => (c.key === 'company_size' ? { ...c, value: 25 } : c)),
      CHANGED,
    )
    expect(statusOf(await handBack({ leadId: String(leadId), note: 'Size rule changed' }))).toBe(
      200,
    )
    expect(leadRow(leadId)).toMatchObject({ definitionVersionId: v2, evaluation: 'meets' })
  })
})
