// After acceptance (decision 26): Mark converted and Reject lead after contact, on the lead page,
// with the clock pinned.
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { castVote } from '~/domain/cases/cast-vote.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { stageOf } from '~/domain/sales/schema'
import { HOUR, localDate } from '~/domain/sla/clock'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import { loader as homeLoader } from '~/routes/_index'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { auditEvents, cases, leads, outbox, outcomes } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
// The pinned clock: every request runs at T0 plus some minutes (set once everyone has signed in).
let T0: Date
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const reasonId = (label: string) => listReasons(getDb()).find((r) => r.label === label)?.id ?? 0

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['dana', 'omar', 'maya', 'victor', 'clara', 'erin'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  T0 = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR)
})

const act = (leadId: number, fields: Record<string, string>, who = 'dana', minutes = 10) =>
  settle(() =>
    leadAction(
      postArgs(
        `/leads/${leadId}`,
        fields,
        { cookie: cookies[who], now: at(minutes) },
        { leadId: String(leadId) },
      ),
    ),
  )
const errorsOf = (result: unknown) => payloadOf<ActionReply>(result).result?.error ?? {}
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()
const auditOf = (leadId: number, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, String(leadId)), eq(auditEvents.action, action)))
    .all()

/** A lead handed to `rep` two hours before T0 and accepted an hour before. */
function workingLead(rep = 'dana', fields: Parameters<typeof handOverLead>[1] = {}) {
  const id = handOverLead(rep, fields, { at: at(-120) })
  const accepted = acceptLead(getDb(), { id: userId(rep) }, id, at(-60))
  if (!accepted.ok) throw new Error('not accepted')
  return id
}
const convert = (leadId: number, fields: Record<string, string> = {}, who = 'dana', minutes = 10) =>
  act(leadId, { intent: 'mark-converted', ...fields }, who, minutes)

describe('Mark converted', () => {
  it('turns a working lead into an opportunity: status, time, reference, amount, audit and event', async () => {
    const id = workingLead()
    const result = await convert(id, {
      opportunityRef: '  OPP-2026-7  ',
      opportunityAmount: '25000',
    })
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<ActionReply>(result).notice).toBe(
      'Marked converted. The lead is now an opportunity.',
    )
    expect(leadRow(id)).toMatchObject({
      status: 'converted',
      convertedAt: at(10),
      opportunityRef: 'OPP-2026-7',
      opportunityAmount: 25000,
      followUpDueAt: null,
    })
    const audit = auditOf(id, 'lead.converted')
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [
        userId('dana'),
        { status: 'working' },
        { status: 'converted', opportunityRef: 'OPP-2026-7', opportunityAmount: 25000 },
      ],
    ])
    const events = getDb().select().from(outbox).where(eq(outbox.type, 'lead.converted')).all()
    expect(events.find((e) => e.payload.leadId === id)?.payload).toEqual({
      leadId: id,
      repId: userId('dana'),
      opportunityRef: 'OPP-2026-7',
      opportunityAmount: 25000,
    })
    // No earlier case, so no outcome: the lead was never rejected.
    expect(getDb().select().from(outcomes).where(eq(outcomes.leadId, id)).all()).toEqual([])
    // The page says when, and the opportunity.
    const page = payloadOf<{ conversion: unknown; rep: { canConvert: boolean } }>(
      await settle(() =>
        leadLoader(
          getArgs(`/leads/${id}`, { cookie: cookies.dana, now: at(11) }, { leadId: String(id) }),
        ),
      ),
    )
    expect(page.conversion).toEqual({
      at: expect.stringMatching(/\d{4}/),
      opportunityRef: 'OPP-2026-7',
      opportunityAmount: 25000,
    })
    expect(page.rep.canConvert).toBe(false)
  })

  it('takes neither reference nor amount: both stay blank', async () => {
    const id = workingLead()
    expect(statusOf(await convert(id, { opportunityRef: '', opportunityAmount: '' }))).toBe(200)
    expect(leadRow(id)).toMatchObject({
      status: 'converted',
      opportunityRef: null,
      opportunityAmount: null,
    })
  })

  it('refuses a lead that is not working, and a second submit changes nothing', async () => {
    const fresh = handOverLead('dana', {}, { at: at(-120) })
    const refused = await convert(fresh)
    expect(statusOf(refused)).toBe(400)
    expect(errorsOf(refused)['']).toEqual([
      'This lead is new; only a working lead can be marked converted',
    ])
    expect(leadRow(fresh)?.status).toBe('new')

    const id = workingLead()
    expect(statusOf(await convert(id, { opportunityAmount: '900' }))).toBe(200)
    const again = await convert(id, { opportunityAmount: '1200' }, 'dana', 11)
    expect(statusOf(again)).toBe(400)
    expect(errorsOf(again)['']).toEqual([
      'This lead is converted; only a working lead can be marked converted',
    ])
    expect(leadRow(id)).toMatchObject({ convertedAt: at(10), opportunityAmount: 900 })
    expect(auditOf(id, 'lead.converted')).toHaveLength(1)
  })

  it('is the lead’s rep’s alone: another rep gets a 404, a marketer a 403', async () => {
    const id = workingLead()
    expect(statusOf(await convert(id, {}, 'omar'))).toBe(404)
    expect(statusOf(await convert(id, {}, 'maya'))).toBe(403)
    expect(leadRow(id)?.status).toBe('working')
  })

  it('refuses an amount that is not a whole number of at least 0, naming the field', async () => {
    const id = workingLead()
    for (const [amount, message] of [
      ['12.5', 'Enter the amount in whole units, without decimals'],
      ['-1', 'The amount cannot be negative'],
      ['lots', 'Enter the amount as a whole number, such as 25000'],
      ['1000000000001', 'Enter an amount under 1,000,000,000,000'],
    ]) {
      const bad = await convert(id, { opportunityAmount: amount as string })
      expect(statusOf(bad)).toBe(400)
      expect(errorsOf(bad)).toEqual({ opportunityAmount: [message] })
    }
    const long = await convert(id, { opportunityRef: 'x'.repeat(101) })
    expect(errorsOf(long)).toEqual({
      opportunityRef: ['Keep the opportunity reference under 100 characters'],
    })
    expect(leadRow(id)?.status).toBe('working')
  })

  it('records "in buying process" when the lead had an earlier case, so hindsight counts it', async () => {
    // Rejected, overturned by the committee and returned to Dana, who took it on.
    const { leadId, caseId } = rejectedLead('dana', { handedOverAt: at(-600), at: at(-540) })
    for (const [i, member] of ['victor', 'clara', 'erin'].entries()) {
      const vote = castVote(
        getDb(),
        userId(member),
        caseId,
        {
          verdict: 'meets',
          rationale: 'Meets the definition',
          returnTo: userId('dana'),
          finding: { engagement: 'met' },
        },
        at(-300 + i),
      )
      if (!vote.ok) throw new Error(JSON.stringify(vote))
      if (vote.decided) break
    }
    expect(leadRow(leadId)?.status).toBe('returned')
    expect(statusOf(await act(leadId, { intent: 'accept' }, 'dana', -120))).toBe(200)
    expect(statusOf(await convert(leadId, { opportunityRef: 'OPP-9' }))).toBe(200)
    const recorded = getDb().select().from(outcomes).where(eq(outcomes.leadId, leadId)).all()
    expect(
      recorded.map((o) => [o.outcome, o.occurredOn, o.note, o.recordedBy, o.recordedAt]),
    ).toEqual([
      [
        'in_buying_process',
        localDate(at(10), 'Europe/London'),
        'Converted to an opportunity (OPP-9)',
        userId('dana'),
        at(10),
      ],
    ])
  })
})

describe('Reject lead after contact', () => {
  const reject = (leadId: number, fields: Record<string, string> = {}, minutes = 20) =>
    act(
      leadId,
      {
        intent: 'reject',
        reasonId: String(reasonId('No budget')),
        notes: 'Spoke to their CFO: nothing to spend this year',
        contactAttempts: '2',
        ...fields,
      },
      'dana',
      minutes,
    )
  const logAttempt = (leadId: number, minutes: number) =>
    act(
      leadId,
      { intent: 'log-contact', channel: 'call', at: localMinute(at(minutes - 5)) },
      'dana',
      minutes,
    )
  // A datetime-local value in Europe/London (UTC in winter, an hour ahead in summer).
  const localMinute = (d: Date) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(d)
      .replace(' ', 'T')

  it('the rep’s home counts each working lead’s logged attempts, and shows the last', async () => {
    const id = workingLead()
    await logAttempt(id, 5)
    await logAttempt(id, 8)
    const home = payloadOf<{
      working: { rows: { id: number; attempts: number; lastAttemptAt: string | null }[] }
    }>(await settle(() => homeLoader(getArgs('/', { cookie: cookies.dana, now: at(9) }))))
    const row = home.working.rows.find((r) => r.id === id)
    expect(row?.attempts).toBe(2)
    expect(row?.lastAttemptAt).toBe(formatDateTime(at(3), 'Europe/London'))
  })

  it('opens a case rejected after contact, with the attempts logged', async () => {
    const id = workingLead()
    expect(statusOf(await logAttempt(id, 5))).toBe(200)
    expect(statusOf(await logAttempt(id, 8))).toBe(200)
    const result = await reject(id, { contactAttempts: '3' })
    expect(statusOf(result)).toBe(303)
    expect(locationOf(result)).toBe(`/leads/${id}?notice=rejected-after-contact`)
    const [opened, ...more] = casesOf(id)
    expect(more).toEqual([])
    expect(opened).toMatchObject({
      kind: 'rejected',
      status: 'in_review',
      afterContact: true,
      contactAttempts: 3,
      workingLeadId: null,
      filedBy: userId('dana'),
      repId: userId('dana'),
      openedAt: at(20),
      reasonLabel: 'No budget',
    })
    expect(stageOf(opened as { kind: 'rejected'; afterContact: boolean })).toBe('after_contact')
    expect(leadRow(id)).toMatchObject({ status: 'in_review', followUpDueAt: null })
    const opening = auditOf(opened?.id ?? 0, 'case.opened')
    expect(opening[0]?.after).toMatchObject({ contactAttempts: 3, afterContact: true })
  })

  it('refuses fewer attempts than were logged, naming the field; a second submit opens nothing more', async () => {
    const id = workingLead()
    await logAttempt(id, 5)
    await logAttempt(id, 8)
    const fewer = await reject(id, { contactAttempts: '1' })
    expect(statusOf(fewer)).toBe(400)
    expect(errorsOf(fewer)).toEqual({
      contactAttempts: ['You logged 2 contact attempts on this lead; enter 2 or more'],
    })
    expect(casesOf(id)).toEqual([])
    expect(statusOf(await reject(id))).toBe(303)
    const twice = await reject(id, {}, 21)
    expect(statusOf(twice)).toBe(400)
    expect(errorsOf(twice)['']).toEqual([
      'This lead is in review; only new, returned or working leads can be rejected',
    ])
    expect(casesOf(id)).toHaveLength(1)
  })

  it('a lead that waits is rejected before contact; a converted lead cannot be rejected', async () => {
    const waiting = handOverLead('dana', {}, { at: at(-120) })
    expect(statusOf(await reject(waiting, { contactAttempts: '0' }))).toBe(303)
    expect(casesOf(waiting)[0]).toMatchObject({ afterContact: false, contactAttempts: 0 })
    const converted = workingLead()
    await convert(converted)
    const refused = await reject(converted)
    expect(statusOf(refused)).toBe(400)
    expect(errorsOf(refused)['']).toEqual([
      'This lead is converted; only new, returned or working leads can be rejected',
    ])
  })

  it('the page of a working lead offers the three actions; the rep’s home lists it', async () => {
    const id = workingLead('omar')
    const page = payloadOf<{ rep: Record<string, unknown> }>(
      await settle(() =>
        leadLoader(
          getArgs(`/leads/${id}`, { cookie: cookies.omar, now: at(1) }, { leadId: String(id) }),
        ),
      ),
    )
    expect(page.rep).toMatchObject({
      canDecide: false,
      canConvert: true,
      canReject: true,
      afterContact: true,
      loggedAttempts: 0,
    })
    const home = payloadOf<{
      working: { total: number; rows: { id: number; attempts: number }[] }
    }>(await settle(() => homeLoader(getArgs('/', { cookie: cookies.omar, now: at(1) }))))
    expect(home.working.rows.map((r) => [r.id, r.attempts])).toContainEqual([id, 0])
    expect(home.working.total).toBe(home.working.rows.length)
  })
})
