import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons } from '~/domain/reasons/reasons.server'
import { returnLeadToSales } from '~/domain/sales/return-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { addWorkingHours, HOUR } from '~/domain/sla/clock'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as homeAction, loader as homeLoader } from '~/routes/_index'
import { loader as casesLoader } from '~/routes/cases._index'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { auditEvents, cases, contactAttempts, leads, notifications } from '~db/schema'
import { allDayWeekdays, storeAllDayWeekdays } from '../support/calendar'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
let versionId: number
const reasonId = (label: string) => listReasons(getDb()).find((r) => r.label === label)?.id ?? 0

beforeAll(async () => {
  await seedTeam()
  storeAllDayWeekdays(getDb())
  versionId = activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['dana', 'omar', 'maya', 'ben', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

const handOver = handOverLead

const act = (leadId: number, fields: Record<string, string>, who = 'dana') =>
  settle(() =>
    leadAction(
      postArgs(`/leads/${leadId}`, fields, { cookie: cookies[who] }, { leadId: String(leadId) }),
    ),
  )

type Reply = ActionReply
const errorsOf = (result: unknown) => payloadOf<Reply>(result).result?.error ?? {}
const leadRow = (id: number) => getDb().select().from(leads).where(eq(leads.id, id)).get()
const casesOf = (leadId: number) =>
  getDb().select().from(cases).where(eq(cases.leadId, leadId)).all()
const reject = (leadId: number, fields: Record<string, string> = {}, who = 'dana') =>
  act(
    leadId,
    {
      intent: 'reject',
      reasonId: String(reasonId('No budget')),
      notes: 'Budget frozen until April',
      contactAttempts: '2',
      ...fields,
    },
    who,
  )

describe('accepting a lead', () => {
  it('starts work: the lead is working, its clock stops, and the change is audited', async () => {
    const id = handOver('dana')
    expect(leadRow(id)?.followUpDueAt).not.toBeNull()
    const result = await act(id, { intent: 'accept' })
    expect(statusOf(result)).toBe(200)
    expect(payloadOf<Reply>(result).notice).toMatch(/accepted/)
    expect(leadRow(id)).toMatchObject({ status: 'working', followUpDueAt: null })
    expect(leadRow(id)?.acceptedAt).toBeInstanceOf(Date)
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, String(id)), eq(auditEvents.action, 'lead.accepted')))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.after).toEqual({ status: 'working' })
  })

  it('refuses a lead that is not new or returned, with a message', async () => {
    const id = handOver('dana')
    await act(id, { intent: 'accept' })
    const again = await act(id, { intent: 'accept' })
    expect(statusOf(again)).toBe(400)
    expect(errorsOf(again)['']).toEqual([
      'This lead is working; only new or returned leads can be accepted',
    ])
    const rejected = handOver('dana')
    await reject(rejected)
    const late = await act(rejected, { intent: 'accept' })
    expect(statusOf(late)).toBe(400)
    expect(errorsOf(late)['']?.[0]).toMatch(/in review; only new or returned/)
  })

  it('is the lead’s rep’s alone: another rep gets a 404, a marketer or admin a 403', async () => {
    const id = handOver('dana')
    expect(statusOf(await act(id, { intent: 'accept' }, 'omar'))).toBe(404)
    expect(statusOf(await act(id, { intent: 'accept' }, 'maya'))).toBe(403)
    expect(statusOf(await act(id, { intent: 'accept' }, 'sasha'))).toBe(403)
    expect(leadRow(id)?.status).toBe('new')
  })

  it('refuses an unknown intent', async () => {
    const id = handOver('dana')
    const unknown = await act(id, { intent: 'convert' })
    expect(statusOf(unknown)).toBe(400)
    expect(payloadOf<Reply>(unknown)).toEqual({
      intent: null,
      result: { status: 'error', error: { intent: ['Unknown action'] } },
      notice: null,
      payload: null,
    })
  })
})

describe('rejecting a lead', () => {
  it('opens a case in the same transaction: snapshot, version, review clock, marketer told', async () => {
    const id = handOver('dana', { employeeCount: '12' })
    const before = Date.now()
    const result = await reject(id, {
      reasonId: String(reasonId('Outside ideal customer profile')),
      notes: 'Twelve people, no IT team',
      contactAttempts: '3',
    })
    // Answered with a redirect to the lead's page, which says what happened.
    expect(statusOf(result)).toBe(303)
    expect(locationOf(result)).toBe(`/leads/${id}?notice=rejected`)
    expect(leadRow(id)).toMatchObject({ status: 'in_review', followUpDueAt: null })
    const [opened, ...more] = casesOf(id)
    expect(more).toEqual([])
    expect(opened).toMatchObject({
      kind: 'rejected',
      status: 'in_review',
      reasonId: reasonId('Outside ideal customer profile'),
      notes: 'Twelve people, no IT team',
      contactAttempts: 3,
      filedBy: userId('dana'),
      repId: userId('dana'),
      marketerId: userId('maya'),
      definitionVersionId: versionId,
      evaluation: 'does_not_meet',
      previousCaseId: null,
      source: 'Webinar',
      campaign: 'Pipeline hygiene 101',
    })
    expect(opened?.leadSnapshot).toMatchObject({
      employeeCount: 12,
      company: 'Globex',
      status: 'new',
    })
    // Five working days of review, in the organisation's time zone (Europe/London).
    const openedAt = opened?.openedAt as Date
    expect(openedAt.getTime()).toBeGreaterThanOrEqual(before)
    expect(opened?.reviewDueAt).toEqual(
      addWorkingHours(openedAt, 5 * 24, allDayWeekdays('Europe/London')),
    )
    runJobs(getDb(), new Date())
    const told = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.caseId, opened?.id ?? 0))
      .all()
    expect(told.map((n) => n.userId)).toEqual([userId('maya')])
    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.at, openedAt))
      .all()
      .map((a) => a.action)
    expect(actions).toEqual(['lead.rejected', 'case.opened'])
  })

  it('refuses bad input with field errors and changes nothing', async () => {
    const id = handOver('dana')
    const cases400 = [
      [{ reasonId: '' }, 'reasonId', 'Choose a reason'],
      [{ contactAttempts: '-1' }, 'contactAttempts', 'Contact attempts cannot be negative'],
      [
        { contactAttempts: '500' },
        'contactAttempts',
        'More than 50 contact attempts is not believable; enter the number made',
      ],
      [{ contactAttempts: 'lots' }, 'contactAttempts', undefined],
      [{ contactAttempts: '2.5' }, 'contactAttempts', 'Enter a whole number of contact attempts'],
      [
        { reasonId: String(reasonId('Other')), notes: '  ' },
        'notes',
        'Explain in the notes why: “Other” needs them',
      ],
      [{ reasonId: '9999' }, 'reasonId', 'Choose a reason from the list'],
    ] as const
    for (const [fields, field, message] of cases400) {
      const result = await reject(id, fields)
      expect(statusOf(result), JSON.stringify(fields)).toBe(400)
      const errors = errorsOf(result)[field]
      expect(errors?.length, JSON.stringify(fields)).toBeGreaterThan(0)
      if (message) expect(errors).toEqual([message])
    }
    expect(casesOf(id)).toEqual([])
    expect(leadRow(id)?.status).toBe('new')
  })

  it('refuses a deactivated reason', async () => {
    const db = getDb()
    const id = handOver('dana')
    const { setReasonActive } = await import('~/domain/reasons/reasons.server')
    const label = 'Competitor / student / job seeker / spam'
    setReasonActive(db, userId('sasha'), reasonId(label), false, new Date())
    const result = await reject(id, { reasonId: String(reasonId(label)) })
    expect(statusOf(result)).toBe(400)
    expect(errorsOf(result).reasonId).toEqual([
      `“${label}” is no longer in use; choose another reason`,
    ])
    // The rep's form no longer offers it.
    const page = payloadOf<{ rep: { reasons: { label: string }[] } }>(
      await leadLoader(getArgs(`/leads/${id}`, { cookie: cookies.dana }, { leadId: String(id) })),
    )
    expect(page.rep.reasons.map((r) => r.label)).not.toContain(label)
    setReasonActive(db, userId('sasha'), reasonId(label), true, new Date())
  })

  it('“Other” with notes is accepted', async () => {
    const id = handOver('dana')
    const result = await reject(id, {
      reasonId: String(reasonId('Other')),
      notes: 'Company is being acquired',
    })
    expect(statusOf(result)).toBe(303)
  })

  it('another rep cannot reject Dana’s lead: 404, and nothing opens', async () => {
    const id = handOver('dana')
    expect(statusOf(await reject(id, {}, 'omar'))).toBe(404)
    expect(statusOf(await reject(id, {}, 'maya'))).toBe(403)
    expect(casesOf(id)).toEqual([])
  })

  it('a double-submitted rejection opens one case', async () => {
    const id = handOver('dana')
    const results = await Promise.all([reject(id), reject(id), reject(id)])
    expect(results.map(statusOf).sort()).toEqual([303, 400, 400])
    expect(casesOf(id)).toHaveLength(1)
    runJobs(getDb(), new Date())
    const told = getDb().select().from(notifications).where(eq(notifications.leadId, id)).all()
    expect(told).toHaveLength(1)
  })

  it('the database itself refuses a second open case on a lead', () => {
    const id = handOver('dana')
    const insert = () =>
      getDb()
        .insert(cases)
        .values({
          leadId: id,
          kind: 'ignored',
          repId: userId('dana'),
          leadSnapshot: {},
          openedAt: new Date(),
          reviewDueAt: new Date(),
        })
        .run()
    insert()
    expect(insert).toThrow(/UNIQUE/)
  })

  it('a lead handed over by an admin tells every marketer', async () => {
    const id = handOver('dana', {}, { marketer: null })
    await reject(id)
    const [opened] = casesOf(id)
    runJobs(getDb(), new Date())
    const told = getDb()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.caseId, opened?.id ?? 0))
      .all()
      .map((n) => n.userId)
      .sort()
    expect(told).toEqual([userId('maya'), userId('ben')].sort())
  })
})

describe('a returned lead', () => {
  /** A rejected lead the committee ruled meets the definition, back in Dana's queue. */
  async function returnedLead(reason: string) {
    const id = handOver('dana')
    await reject(id, { reasonId: String(reasonId(reason)) })
    const db = getDb()
    const now = new Date()
    db.transaction((tx) => {
      // The committee's ruling (built in the judicial branch) closes the case first.
      tx.update(cases)
        .set({ status: 'decided', verdict: 'meets', decidedAt: now })
        .where(eq(cases.leadId, id))
        .run()
      returnLeadToSales(tx, id, userId('dana'), now)
    })
    return { id, now, firstCase: casesOf(id)[0]?.id }
  }

  it('comes back with a fresh clock of the return SLA (24 working hours)', async () => {
    const { id, now } = await returnedLead('No budget')
    expect(leadRow(id)).toMatchObject({
      status: 'returned',
      ownerId: userId('dana'),
      clockStartedAt: now,
      followUpDueAt: addWorkingHours(now, 24, allDayWeekdays('Europe/London')),
    })
  })

  it('cannot be rejected again for the reason already ruled on; another reason links the cases', async () => {
    const { id, firstCase } = await returnedLead('No budget')
    const page = payloadOf<{ rep: { reasons: { label: string }[]; ruledReason: string } }>(
      await leadLoader(getArgs(`/leads/${id}`, { cookie: cookies.dana }, { leadId: String(id) })),
    )
    expect(page.rep.ruledReason).toBe('“No budget”')
    expect(page.rep.reasons.map((r) => r.label)).not.toContain('No budget')

    const same = await reject(id, { reasonId: String(reasonId('No budget')) })
    expect(statusOf(same)).toBe(400)
    expect(errorsOf(same).reasonId).toEqual([
      'The committee already ruled on “No budget” for this lead; reject it only for another reason',
    ])
    const other = await reject(id, { reasonId: String(reasonId('No authority')) })
    expect(statusOf(other)).toBe(303)
    const [, second] = casesOf(id)
    expect(second).toMatchObject({ previousCaseId: firstCase, status: 'in_review' })
  })

  it('can be accepted like a new lead', async () => {
    const { id } = await returnedLead('No need')
    expect(statusOf(await act(id, { intent: 'accept' }))).toBe(200)
    expect(leadRow(id)?.status).toBe('working')
  })
})

describe('contact attempts', () => {
  const local = (at: Date) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(at)
      .replace(' ', 'T')

  it('are logged on any of the rep’s leads and appear on the timeline', async () => {
    const id = handOver('dana', {}, { at: new Date(Date.now() - 5 * HOUR) })
    await act(id, { intent: 'accept' })
    const when = new Date(Date.now() - 2 * HOUR)
    const result = await act(id, {
      intent: 'log-contact',
      channel: 'call',
      at: local(when),
      note: 'Left a voicemail',
    })
    expect(statusOf(result)).toBe(200)
    const [attempt] = getDb()
      .select()
      .from(contactAttempts)
      .where(eq(contactAttempts.leadId, id))
      .all()
    expect(attempt).toMatchObject({ channel: 'call', note: 'Left a voicemail' })
    expect(Math.abs((attempt?.at.getTime() ?? 0) - when.getTime())).toBeLessThan(60_000)
    const page = payloadOf<{
      attempts: { channel: string; note: string }[]
      timeline: { sentence: string }[]
    }>(await leadLoader(getArgs(`/leads/${id}`, { cookie: cookies.dana }, { leadId: String(id) })))
    expect(page.attempts).toMatchObject([{ channel: 'Call', note: 'Left a voicemail' }])
    expect(page.timeline.map((e) => e.sentence)).toEqual([
      'Maya Patel handed the lead to you',
      'You accepted the lead',
      expect.stringMatching(
        /^You logged a contact attempt \(call\) on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT$/,
      ),
    ])
  })

  it('refuses the future, a time before hand-over, an unknown channel, and another rep', async () => {
    const id = handOver('dana', {}, { at: new Date(Date.now() - 5 * HOUR) })
    const future = await act(id, {
      intent: 'log-contact',
      channel: 'email',
      at: local(new Date(Date.now() + 3 * HOUR)),
    })
    expect(statusOf(future)).toBe(400)
    expect(errorsOf(future).at).toEqual(['A contact attempt cannot be in the future'])
    const early = await act(id, {
      intent: 'log-contact',
      channel: 'email',
      at: local(new Date(Date.now() - 30 * HOUR)),
    })
    expect(errorsOf(early).at).toEqual([
      'This is before the lead was handed to Sales; check the date',
    ])
    const fax = await act(id, { intent: 'log-contact', channel: 'fax', at: local(new Date()) })
    expect(errorsOf(fax).channel).toEqual(['Choose call, e-mail or meeting'])
    const garbled = await act(id, { intent: 'log-contact', channel: 'call', at: 'yesterday' })
    expect(errorsOf(garbled).at).toEqual(['Enter a date and a time'])
    expect(
      statusOf(
        await act(id, { intent: 'log-contact', channel: 'call', at: local(new Date()) }, 'omar'),
      ),
    ).toBe(404)
    expect(
      getDb().select().from(contactAttempts).where(eq(contactAttempts.leadId, id)).all(),
    ).toEqual([])
  })
})

describe('notifications on the home page', () => {
  it('the marketer sees the rejection with its reason, and can mark it read (only their own)', async () => {
    const id = handOver('omar', { firstName: 'Notified' }, { marketer: 'ben' })
    await reject(id, { notes: 'No money this year' }, 'omar')
    runJobs(getDb(), new Date())
    type Home = { notifications: { id: number; name: string; reason: string; notes: string }[] }
    const home = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.ben })))
    const item = home.notifications.find((n) => n.name.startsWith('Notified'))
    expect(item).toMatchObject({ reason: 'No budget', notes: 'No money this year' })
    // Maya cannot mark Ben's notification read.
    const foreign = await homeAction(
      postArgs(
        '/',
        { intent: 'mark-read', notificationId: String(item?.id) },
        {
          cookie: cookies.maya,
        },
      ),
    )
    expect(payloadOf<ActionReply<{ marked: number }>>(foreign).payload?.marked).toBe(0)
    const own = await homeAction(
      postArgs(
        '/',
        { intent: 'mark-read', notificationId: String(item?.id) },
        {
          cookie: cookies.ben,
        },
      ),
    )
    expect(payloadOf<ActionReply<{ marked: number }>>(own).payload?.marked).toBe(1)
    const after = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.ben })))
    expect(after.notifications.find((n) => n.id === item?.id)).toBeUndefined()
    expect(
      statusOf(
        await settle(() =>
          homeAction(
            postArgs('/', { intent: 'mark-read', notificationId: 'x' }, { cookie: cookies.ben }),
          ),
        ),
      ),
    ).toBe(400)
  })
})

describe('the list of rejected and ignored leads', () => {
  type CaseList = {
    rows: { id: number; kind: string; name: string; reason: string | null; repName: string }[]
  }
  const list = async (query: string, who: string) =>
    payloadOf<CaseList>(await casesLoader(getArgs(`/cases${query}`, { cookie: cookies[who] })))

  beforeAll(async () => {
    const mine = handOver('dana', { firstName: 'Maya-lead' })
    await reject(mine, { reasonId: String(reasonId('No need')) })
    const bens = handOver('omar', { firstName: 'Ben-lead' }, { marketer: 'ben' })
    await reject(bens, { reasonId: String(reasonId('No authority')) }, 'omar')
    // One of Ben's leads Omar never touched: the sweep escalates it.
    handOver(
      'omar',
      { firstName: 'Ben-ignored' },
      { marketer: 'ben', at: new Date(Date.now() - 30 * 24 * HOUR) },
    )
    sweepIgnoredLeads(getDb(), new Date())
  })

  it('a marketer sees the leads they handed over, and can widen to everyone’s', async () => {
    const own = await list('', 'maya')
    expect(own.rows.some((r) => r.name.startsWith('Maya-lead'))).toBe(true)
    expect(own.rows.some((r) => r.name.startsWith('Ben-'))).toBe(false)
    const ben = await list('', 'ben')
    expect(ben.rows.map((r) => [r.name.split(' ')[0], r.kind, r.reason])).toEqual([
      ['Ben-ignored', 'ignored', null],
      ['Ben-lead', 'rejected', 'No authority'],
      ['Notified', 'rejected', 'No budget'],
    ])
    const everyone = await list('?marketer=any', 'maya')
    expect(everyone.rows.some((r) => r.name.startsWith('Ben-lead'))).toBe(true)
  })

  it('filters by kind and reason, and keeps ignored apart from rejected', async () => {
    const ignored = await list('?marketer=any&kind=ignored', 'maya')
    expect(ignored.rows.length).toBeGreaterThan(0)
    expect(ignored.rows.every((r) => r.kind === 'ignored' && r.reason === null)).toBe(true)
    const noNeed = await list(`?marketer=any&reasonId=${reasonId('No need')}`, 'maya')
    expect(noNeed.rows.length).toBeGreaterThan(0)
    expect(noNeed.rows.every((r) => r.reason === 'No need')).toBe(true)
  })

  it('the rep’s queue pages by its cursor; what is not a cursor is the first page', async () => {
    type Home = { queue: { rows: { id: number }[] } }
    // One instant for every page, so their working-time figures compare.
    const now = new Date()
    const queue = async (query: string) =>
      payloadOf<Home>(await homeLoader(getArgs(`/${query}`, { cookie: cookies.dana, now }))).queue
        .rows
    const first = await queue('')
    expect(first.length).toBeGreaterThan(0)
    expect(await queue('?queue=9999999999999-1')).toEqual([])
    expect(await queue('?queue=soon')).toEqual(first)
  })

  it('the rep’s home shows their five newest cases: the top of their case list', async () => {
    type Home = { myCases: { id: number; name: string }[] }
    const home = payloadOf<Home>(await homeLoader(getArgs('/', { cookie: cookies.dana })))
    const all = await list('', 'dana')
    expect(all.rows.length).toBeGreaterThan(5)
    expect(home.myCases.map((c) => c.id)).toEqual(all.rows.slice(0, 5).map((r) => r.id))
    expect(home.myCases[0]?.name).toMatch(/^Maya-lead/)
  })

  it('a rep sees only their own cases, whatever the query asks', async () => {
    const dana = await list(`?repId=${userId('omar')}`, 'dana')
    expect(dana.rows.length).toBeGreaterThan(0)
    expect(dana.rows.every((r) => r.repName === 'Dana Reyes')).toBe(true)
  })
})
