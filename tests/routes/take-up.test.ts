// Issue 15: the committee takes up rejections imported from a CRM's history, one by one from
// the case file or in bulk from the cases list, through the real route actions.
import { asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as homeLoader } from '~/routes/_index'
import { action as casesAction, loader as casesLoader } from '~/routes/cases._index'
import { action as caseAction, loader as caseLoader } from '~/routes/cases.$caseId'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { loader as reviewLoader } from '~/routes/review._index'
import { auditEvents, cases, leads, notifications, outbox } from '~db/schema'
import { storeAllDayWeekdays } from '../support/calendar'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { importedRejection, rejectedLead, seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  const db = getDb()
  await seedTeam()
  storeAllDayWeekdays(getDb())
  // In force since 2018, so the CRM's leads of 2019 are judged against it.
  activateDefinition(db, ICP_CRITERIA, new Date('2018-01-02T09:00:00Z'))
  for (const name of ['dana', 'omar', 'maya', 'victor', 'clara', 'erin', 'felix', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

// Friday 27 November 2026, 16:00 in London (GMT); the following Monday, 10:00: 18 working hours.
const FRIDAY = new Date('2026-11-27T16:00:00Z')
const MONDAY = new Date('2026-11-30T10:00:00Z')
const HOUR = 3_600_000

type Reply = ActionReply<{ takenUp: number[]; skipped: { caseId: number; why: string }[] }>
const errorsOf = (r: unknown) => payloadOf<Reply>(r).result?.error ?? {}

/** The cases list's take-up, as its buttons post it. */
const takeUp = (caseIds: (number | string)[], who: string, now?: Date) =>
  settle(() =>
    casesAction(
      postArgs(
        '/cases?status=imported',
        { intent: 'take-up', caseId: caseIds.map(String) },
        { cookie: cookies[who], ...(now ? { now } : {}) },
      ),
    ),
  )
/** The case file's "Take up" button. */
const takeUpOne = (caseId: number | string, who: string, now?: Date) =>
  settle(() =>
    caseAction(
      postArgs(
        `/cases/${caseId}`,
        { intent: 'take-up' },
        { cookie: cookies[who], ...(now ? { now } : {}) },
        { caseId: String(caseId) },
      ),
    ),
  )
const view = (caseId: number, who: string) =>
  settle(() =>
    caseLoader(getArgs(`/cases/${caseId}`, { cookie: cookies[who] }, { caseId: String(caseId) })),
  )
// The ICP definition: 400 employees and an e-mail meet it; engagement is left unknown.
const vote = (caseId: number, who: string, now: Date) =>
  settle(() =>
    caseAction(
      postArgs(
        `/cases/${caseId}`,
        {
          intent: 'vote',
          verdict: 'meets',
          rationale: 'Four hundred people and a working e-mail: a lead by our definition.',
          'finding.engagement': 'met',
        },
        { cookie: cookies[who], now },
        { caseId: String(caseId) },
      ),
    ),
  )
const caseRow = (id: number) => getDb().select().from(cases).where(eq(cases.id, id)).get()
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
/** How many audit entries and events there are: a take-up that changes nothing adds none. */
const trail = () => ({
  audit: getDb().select({ id: auditEvents.id }).from(auditEvents).all().length,
  events: getDb().select({ id: outbox.id }).from(outbox).all().length,
})

describe('who takes up', () => {
  it('only the committee: a rep, a marketer, leadership or an admin gets 403, and nothing changes', async () => {
    const { caseId } = importedRejection('dana')
    const before = trail()
    for (const who of ['dana', 'maya', 'felix', 'sasha']) {
      expect(statusOf(await takeUp([caseId], who))).toBe(403)
      expect(statusOf(await takeUpOne(caseId, who))).toBe(403)
    }
    expect(caseRow(caseId)?.status).toBe('imported')
    expect(trail()).toEqual(before)
  })
})

describe('bad ids', () => {
  it('the list answers 400 naming caseId for an id not written canonically or naming no case; the case file 404', async () => {
    const { caseId } = importedRejection('dana')
    const before = trail()
    for (const id of ['0', '07', '1.0', '0x1f', ' 5', '-3', '1e3']) {
      const refused = await takeUp([String(caseId), id], 'victor')
      expect(statusOf(refused)).toBe(400)
      expect(errorsOf(refused)).toEqual({ 'caseId[1]': ['A case is named by its number'] })
    }
    const missing = await takeUp([caseId, 999_999], 'victor')
    expect(statusOf(missing)).toBe(400)
    expect(errorsOf(missing)).toEqual({ caseId: ['There is no case 999999'] })
    const none = await takeUp([], 'victor')
    expect(statusOf(none)).toBe(400)
    expect(errorsOf(none)).toEqual({ caseId: ['Choose the cases to take up'] })
    const tooMany = await takeUp(
      Array.from({ length: 501 }, (_, i) => i + 1),
      'victor',
    )
    expect(errorsOf(tooMany)).toEqual({ caseId: ['Take up at most 500 cases at once'] })
    expect(statusOf(await takeUpOne('07', 'victor'))).toBe(404)
    expect(statusOf(await takeUpOne(999_999, 'victor'))).toBe(404)
    expect(caseRow(caseId)?.status).toBe('imported')
    expect(trail()).toEqual(before)
  })
})

describe('one by one, from the case file', () => {
  it('shows the imported case plainly, takes it up once, and a double submit changes nothing and says so', async () => {
    const { caseId, leadId } = importedRejection('dana', {
      rejectedAt: new Date('2019-03-05T15:30:00Z'),
    })
    type File = {
      status: string
      imported: { rejectedBy: string; on: string; takenUpAt: string | null } | null
      reviewClock: unknown
      waitingFor: string | null
      me: { canTakeUp: boolean; canVote: boolean; canRespond: boolean; cannotVote: string | null }
    }
    const before = payloadOf<File>(await view(caseId, 'victor'))
    expect(before).toMatchObject({
      status: 'imported',
      imported: { rejectedBy: 'Dana Reyes', on: '5 Mar 2019, 15:30 GMT', takenUpAt: null },
      reviewClock: null,
      waitingFor: null,
      me: { canTakeUp: true, canVote: false, canRespond: false, cannotVote: null },
    })
    expect(payloadOf<File>(await view(caseId, 'maya')).me).toMatchObject({
      canTakeUp: false,
      canRespond: false,
    })
    // The lead says what it is, and its rep cannot accept or reject it.
    type LeadPage = { status: string; importedCaseId: number | null; rep: { canDecide: boolean } }
    const lead = payloadOf<LeadPage>(
      await leadLoader(
        getArgs(`/leads/${leadId}`, { cookie: cookies.dana }, { leadId: String(leadId) }),
      ),
    )
    expect(lead).toMatchObject({
      status: 'rejected',
      importedCaseId: caseId,
      rep: { canDecide: false },
    })
    const accept = await settle(() =>
      leadAction(
        postArgs(
          `/leads/${leadId}`,
          { intent: 'accept' },
          { cookie: cookies.dana },
          { leadId: String(leadId) },
        ),
      ),
    )
    expect(statusOf(accept)).toBe(400)
    expect(errorsOf(accept)['']).toEqual([
      'This lead is rejected, not reviewed; only new or returned leads can be accepted',
    ])

    const first = await takeUpOne(caseId, 'victor', FRIDAY)
    expect(statusOf(first)).toBe(200)
    expect(payloadOf<Reply>(first).notice).toBe(
      'Took up 1 case for review; marketing has been told.',
    )
    expect(caseRow(caseId)).toMatchObject({
      status: 'in_review',
      takenUpAt: FRIDAY,
      // Five working days in London from Friday 16:00: the next Friday, 16:00.
      reviewDueAt: new Date('2026-12-04T16:00:00Z'),
    })
    expect(leadRow(leadId)?.status).toBe('in_review')

    const done = trail()
    const again = await takeUpOne(caseId, 'clara', new Date(FRIDAY.getTime() + HOUR))
    expect(statusOf(again)).toBe(200)
    expect(payloadOf<Reply>(again).notice).toBe(
      `No case was taken up. 1 case left as it was (case ${caseId}: it was already taken up).`,
    )
    expect(trail()).toEqual(done)
    expect(caseRow(caseId)).toMatchObject({ takenUpAt: FRIDAY })

    const after = payloadOf<File>(await view(caseId, 'victor'))
    expect(after).toMatchObject({
      status: 'in_review',
      imported: { takenUpAt: '27 Nov 2026, 16:00 GMT' },
      me: { canTakeUp: false, canVote: true },
    })
    expect(payloadOf<File>(await view(caseId, 'maya')).me.canRespond).toBe(true)
  })
})

describe('in bulk, from the cases list', () => {
  it('shows a committee member the imported cases with the backlog count; 3 imported and 1 decided takes up 3', async () => {
    const imported = [1, 2, 3].map(() => importedRejection('omar', { reason: 'No need' }))
    // An ordinary case, decided by the committee.
    const ordinary = rejectedLead('dana')
    for (const who of ['victor', 'clara', 'erin'])
      expect(statusOf(await vote(ordinary.caseId, who, new Date()))).toBe(303)
    expect(caseRow(ordinary.caseId)?.status).toBe('decided')

    type List = {
      canTakeUp: boolean
      importedCount: number | null
      rows: { id: number; status: string }[]
    }
    const list = payloadOf<List>(
      await casesLoader(getArgs('/cases?status=imported', { cookie: cookies.victor })),
    )
    expect(list.canTakeUp).toBe(true)
    expect(list.rows.every((r) => r.status === 'imported')).toBe(true)
    for (const c of imported) expect(list.rows.map((r) => r.id)).toContain(c.caseId)
    const backlog = getDb().select().from(cases).where(eq(cases.status, 'imported')).all().length
    expect(list.importedCount).toBe(backlog)
    const danas = payloadOf<List>(
      await casesLoader(getArgs('/cases?status=imported', { cookie: cookies.dana })),
    )
    expect(danas).toMatchObject({ canTakeUp: false, importedCount: null })

    const ids = [...imported.map((c) => c.caseId), ordinary.caseId]
    const result = await takeUp(ids, 'erin', FRIDAY)
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<Reply>(result).payload).toEqual({
      takenUp: imported.map((c) => c.caseId),
      skipped: [{ caseId: ordinary.caseId, why: 'it is not an imported case (it is decided)' }],
    })
    expect(payloadOf<Reply>(result).notice).toBe(
      `Took up 3 cases for review; marketing has been told. 1 case left as it was (case ${ordinary.caseId}: it is not an imported case (it is decided)).`,
    )
    for (const c of imported) {
      expect(caseRow(c.caseId)).toMatchObject({ status: 'in_review', takenUpAt: FRIDAY })
      expect(leadRow(c.leadId)?.status).toBe('in_review')
    }
    expect(caseRow(ordinary.caseId)?.status).toBe('decided')
    const taken = payloadOf<List>(
      await casesLoader(getArgs('/cases?status=imported', { cookie: cookies.victor })),
    )
    expect(taken.importedCount).toBe(backlog - 3)
    for (const c of imported) expect(taken.rows.map((r) => r.id)).not.toContain(c.caseId)
  })
})

describe('a taken-up case is an ordinary case', () => {
  it('in the review queue only once taken up; marketing told once; voted and decided, its review time from the take-up', async () => {
    const { caseId, leadId } = importedRejection('dana')
    type Queue = { rows: { id: number }[] }
    const queue = async () =>
      payloadOf<Queue>(await reviewLoader(getArgs('/review', { cookie: cookies.clara }))).rows.map(
        (r) => r.id,
      )
    type Home = { toVote: { id: number }[]; notifications: { caseId: number; takenUp: boolean }[] }
    const home = async (who: string) =>
      payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies[who] })))
    expect(await queue()).not.toContain(caseId)
    expect((await home('clara')).toVote.map((c) => c.id)).not.toContain(caseId)

    expect(statusOf(await takeUpOne(caseId, 'victor', FRIDAY))).toBe(200)
    expect(await queue()).toContain(caseId)
    runJobs(getDb(), FRIDAY)
    runJobs(getDb(), MONDAY)
    const told = getDb()
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .orderBy(asc(notifications.id))
      .all()
    expect(told).toEqual([{ userId: userId('maya'), kind: 'case_opened' }])
    expect((await home('maya')).notifications.find((n) => n.caseId === caseId)).toMatchObject({
      takenUp: true,
    })

    for (const who of ['victor', 'clara', 'erin'])
      expect(statusOf(await vote(caseId, who, MONDAY))).toBe(303)
    expect(caseRow(caseId)).toMatchObject({
      status: 'decided',
      verdict: 'meets',
      decidedAt: MONDAY,
      reviewWorkingMs: 18 * HOUR,
      returnedTo: userId('dana'),
      agreesWithDefinition: true,
    })
    expect(leadRow(leadId)).toMatchObject({ status: 'returned', ownerId: userId('dana') })
  })
})

describe('the sweep and history', () => {
  it('never opens an ignored case on a lead recorded as history, however late it runs', () => {
    const history = [importedRejection('dana'), importedRejection('omar')]
    sweepIgnoredLeads(getDb(), new Date('2030-01-07T12:00:00Z'))
    for (const { leadId, caseId } of history) {
      expect(leadRow(leadId)).toMatchObject({ status: 'rejected', followUpDueAt: null })
      expect(getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()).toMatchObject([
        { id: caseId, kind: 'rejected', status: 'imported' },
      ])
    }
  })
})
