// Decision 43: the lists' bulk actions (reassign on /leads; concede and record outcome on
// /cases) through the real route actions: each item by its own use case, what was done and what
// was refused and why, 400s naming the field, another role refused, a double submit that changes
// nothing, and the reassigned rep told through the outbox.
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BulkOutcome } from '~/domain/bulk/bulk'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as casesAction } from '~/routes/cases._index'
import { action as leadsAction } from '~/routes/leads._index'
import { cases, leads, notifications, outcomes } from '~db/schema'
import { rejectedLead, seedTeam } from '../support/factories'
import { payloadOf, postArgs, settle, statusOf } from '../support/http'
import { runJobs } from '../support/jobs'
import { handOverLead, userId } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedTeam()
  for (const name of ['dana', 'omar', 'maya', 'victor', 'sasha'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

type Reply = ActionReply<BulkOutcome>
const replyOf = (r: unknown) => payloadOf<Reply>(r)

const post = (
  action: typeof leadsAction | typeof casesAction,
  path: string,
  fields: Record<string, string | string[]>,
  who: string,
) => settle(() => action(postArgs(path, fields, { cookie: cookies[who] })))

const reassign = (leadIds: (number | string)[], repId: number | string, who = 'maya') =>
  post(
    leadsAction,
    '/leads',
    { intent: 'bulk-reassign', leadId: leadIds.map(String), repId: String(repId) },
    who,
  )

describe('bulk reassign on the lead list', () => {
  it('reassigns each lead that is with Sales, refuses the rest with why, and tells the new rep', async () => {
    const db = getDb()
    const waiting = handOverLead('dana', { firstName: 'Wanda', lastName: 'Waiting' })
    const other = handOverLead('dana', { firstName: 'Otto', lastName: 'Other' })
    const { leadId: inReview } = rejectedLead('dana', {
      fields: { firstName: 'Rita', lastName: 'Review' },
    })
    const answer = await reassign([waiting, inReview, other, 999_999], userId('omar'))
    expect(statusOf(answer)).toBe(200)
    const { payload, notice } = replyOf(answer)
    expect(payload?.done).toEqual([
      { id: waiting, name: 'Wanda Waiting' },
      { id: other, name: 'Otto Other' },
    ])
    expect(payload?.refused).toEqual([
      {
        id: inReview,
        name: 'Rita Review',
        why: 'It is in review; only leads with Sales (new, returned or being worked) can be reassigned',
      },
      { id: 999_999, name: 'Lead 999999', why: 'There is no lead 999999' },
    ])
    expect(notice).toBe('Reassigned 2 items. 2 items refused; see why below.')
    const owner = (id: number) =>
      db.select({ ownerId: leads.ownerId }).from(leads).where(eq(leads.id, id)).get()?.ownerId
    expect(owner(waiting)).toBe(userId('omar'))
    expect(owner(inReview)).toBe(userId('dana'))

    runJobs(db, new Date())
    const told = db
      .select({ leadId: notifications.leadId })
      .from(notifications)
      .where(and(eq(notifications.userId, userId('omar')), eq(notifications.kind, 'reassigned')))
      .all()
      .map((n) => n.leadId)
    expect(told).toEqual(expect.arrayContaining([waiting, other]))

    // A double submit changes nothing: each lead is already Omar's.
    const again = await reassign([waiting, other], userId('omar'))
    expect(replyOf(again).payload?.done).toEqual([])
    expect(replyOf(again).payload?.refused.map((r) => r.why)).toEqual([
      'It is already with that rep',
      'It is already with that rep',
    ])
  })

  it('answers 400 naming the field for ids that are not canonical, too many, or no rep', async () => {
    const lead = handOverLead('dana')
    const bad = await reassign(['012'], userId('omar'))
    expect(statusOf(bad)).toBe(400)
    expect(Object.keys(replyOf(bad).result?.error ?? {})).toContain('leadId[0]')
    const many = await reassign(
      Array.from({ length: 201 }, (_, i) => i + 1),
      userId('omar'),
    )
    expect(statusOf(many)).toBe(400)
    expect(replyOf(many).result?.error?.leadId).toEqual(['Choose at most 200 leads at once'])
    const none = await post(leadsAction, '/leads', { intent: 'bulk-reassign', repId: '1' }, 'maya')
    expect(statusOf(none)).toBe(400)
    expect(replyOf(none).result?.error?.leadId).toBeDefined()
    const notRep = await reassign([lead], userId('maya'))
    expect(statusOf(notRep)).toBe(400)
    expect(replyOf(notRep).result?.error?.repId).toEqual(['Choose an active rep'])
  })

  it('refuses a rep and the committee (403): reassigning is for marketers and admins', async () => {
    const lead = handOverLead('dana')
    expect(statusOf(await reassign([lead], userId('omar'), 'dana'))).toBe(403)
    expect(statusOf(await reassign([lead], userId('omar'), 'victor'))).toBe(403)
    expect(statusOf(await reassign([lead], userId('omar'), 'sasha'))).toBe(200)
  })
})

const concede = (caseIds: (number | string)[], who = 'maya') =>
  post(
    casesAction,
    '/cases',
    { intent: 'bulk-concede', caseId: caseIds.map(String), disposition: 'nurture' },
    who,
  )
const outcome = (caseIds: (number | string)[], who = 'maya') =>
  post(
    casesAction,
    '/cases',
    {
      intent: 'bulk-outcome',
      caseId: caseIds.map(String),
      outcome: 'won',
      occurredOn: new Date().toISOString().slice(0, 10),
    },
    who,
  )

describe('bulk concede and record outcome on the cases list', () => {
  it('concedes each open case, refuses closed and missing ones, and a double submit changes nothing', async () => {
    const db = getDb()
    const a = rejectedLead('dana')
    const b = rejectedLead('omar')
    const answer = await concede([a.caseId, b.caseId, 888_888])
    expect(statusOf(answer)).toBe(200)
    const { payload } = replyOf(answer)
    expect(payload?.done.map((d) => d.id)).toEqual([a.caseId, b.caseId])
    expect(payload?.refused).toEqual([
      { id: 888_888, name: 'Case 888888', why: 'There is no case 888888 you may open' },
    ])
    const status = (id: number) =>
      db.select({ status: cases.status }).from(cases).where(eq(cases.id, id)).get()?.status
    expect(status(a.caseId)).toBe('conceded')
    const again = await concede([a.caseId])
    expect(replyOf(again).payload?.done).toEqual([])
    expect(replyOf(again).payload?.refused[0]?.why).toBe(
      'Marketing conceded this case; it is closed',
    )
  })

  it('refuses the committee (403) and a rep (403) a concession', async () => {
    const a = rejectedLead('dana')
    expect(statusOf(await concede([a.caseId], 'victor'))).toBe(403)
    expect(statusOf(await concede([a.caseId], 'dana'))).toBe(403)
  })

  it('records one outcome on each case’s lead once; the same outcome again is refused', async () => {
    const db = getDb()
    const a = rejectedLead('dana')
    const answer = await outcome([a.caseId])
    expect(replyOf(answer).payload?.done.map((d) => d.id)).toEqual([a.caseId])
    const again = await outcome([a.caseId])
    expect(replyOf(again).payload?.refused[0]?.why).toBe(
      'This outcome is already recorded on its lead for that day',
    )
    expect(db.select().from(outcomes).where(eq(outcomes.leadId, a.leadId)).all()).toHaveLength(1)
    expect(statusOf(await outcome([a.caseId], 'dana'))).toBe(403)
    const bad = await post(
      casesAction,
      '/cases',
      { intent: 'bulk-outcome', caseId: ['x'], outcome: 'won', occurredOn: '2026-11-01' },
      'maya',
    )
    expect(statusOf(bad)).toBe(400)
    expect(Object.keys(replyOf(bad).result?.error ?? {})).toContain('caseId[0]')
  })
})
