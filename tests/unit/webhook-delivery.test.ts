// Webhook delivery (issue 17, decision 29) to a real receiver on 127.0.0.1, each request
// verified with the standardwebhooks package: the court's events and every mapped type, the
// retry schedule, 410, three days of failures, a receiver down then up, and the timeout.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { castVote } from '~/domain/cases/cast-vote.server'
import { contestCase } from '~/domain/cases/respond-to-case.server'
import { unreadNotifications } from '~/domain/notifications/notifications.server'
import { MAX_ATTEMPTS } from '~/domain/webhooks/attempts.server'
import { getEndpoint } from '~/domain/webhooks/endpoints.server'
import { appendEvent } from '~/platform/events/outbox.server'
import { outbox, webhookDeliveries } from '~db/schema'
import { startReceiver } from '../support/webhook-receiver'
import { deliveryById, type HookWorld, hookWorld, NOW } from '../support/webhook-world'

let w: HookWorld
beforeEach(async () => {
  w = await hookWorld()
})
afterEach(() => w.end())

const SECOND = 1000
const typesReceived = () => w.receiver.received.map((r) => JSON.parse(r.body).type)
const plus = (ms: number) => new Date(NOW.getTime() + ms)

function decide() {
  const maya = w.id.maya as number
  expect(contestCase(w.db, maya, w.caseId, 'A real buyer', NOW)).toEqual({ ok: true })
  const vote = {
    verdict: 'does_not_meet' as const,
    disposition: 'nurture' as const,
    rationale: 'No budget this year',
    finding: {},
    departureJustification: 'No budget this year, whatever the definition says',
  }
  for (const member of ['victor', 'clara', 'erin'])
    expect(castVote(w.db, w.id[member] as number, w.caseId, vote, NOW)).toMatchObject({ ok: true })
}

describe('delivering the court’s events', () => {
  it('sends lead.rejected, case.opened, case.contested and case.decided, signed, in order', async () => {
    const { id, secret } = await w.register()
    decide()
    w.drain()
    expect(await w.deliver(NOW)).toEqual({ done: 4, more: false })
    expect(typesReceived()).toEqual([
      'lead.rejected',
      'case.opened',
      'case.contested',
      'case.decided',
    ])
    const eventIds = w.deliveries().map((d) => d.eventId)
    for (const [i, r] of w.receiver.received.entries()) {
      expect(w.receiver.verify(r, secret)).toEqual(JSON.parse(r.body))
      expect(r.headers['webhook-id']).toBe(`msg_${eventIds[i]}_${id}`)
      expect(r.headers['webhook-timestamp']).toBe(String(NOW.getTime() / 1000))
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['user-agent']).toBe('Leadcourt-Webhooks/1.0')
    }
    const decided = JSON.parse(w.receiver.received[3]?.body ?? '{}')
    expect(decided).toMatchObject({
      type: 'case.decided',
      timestamp: NOW.toISOString(),
      data: {
        lead: { id: w.leadId, external_id: 'CASE-1', rep_email: 'dana@example.test' },
        case: {
          id: w.caseId,
          kind: 'rejected',
          stage: 'before_contact',
          status: 'decided',
          reason: 'No budget',
          response: 'contested',
          verdict: 'does_not_meet',
          disposition: 'nurture',
          rep_email: 'dana@example.test',
          marketer_email: 'maya@example.test',
        },
      },
    })
    expect(w.deliveries().map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual(
      Array(4).fill(['delivered', 1, 200]),
    )
    // Handing the events over again writes nothing more: one delivery per event and endpoint.
    w.db.update(outbox).set({ handledAt: null }).run()
    w.db.$client
      .prepare("UPDATE outbox_consumers SET last_event_id = 0 WHERE consumer = 'webhooks'")
      .run()
    w.drain()
    expect(w.deliveries()).toHaveLength(4)
  })

  it('maps every webhook event, and only to the endpoints subscribed to it', async () => {
    const all = await w.register()
    const decidedOnly = await w.register(['case.decided'])
    w.drain()
    const [lead, kase, dana] = [w.leadId, w.caseId, w.id.dana as number]
    w.db.transaction((tx) => {
      appendEvent(tx, 'lead.accepted', { leadId: lead, repId: dana }, NOW)
      appendEvent(
        tx,
        'case.conceded',
        { caseId: kase, leadId: lead, repId: dana, by: dana, disposition: 'nurture' },
        NOW,
      )
      appendEvent(
        tx,
        'case.review_overdue',
        { caseId: kase, leadId: lead, dueAt: NOW.getTime() },
        NOW,
      )
      appendEvent(
        tx,
        'lead.returned',
        { leadId: lead, repId: dana, previousRepId: w.id.omar as number },
        NOW,
      )
      appendEvent(
        tx,
        'lead.converted',
        { leadId: lead, repId: dana, opportunityRef: 'OPP-9', opportunityAmount: 1200 },
        NOW,
      )
      appendEvent(tx, 'definition.activated', { versionId: 4, version: 2, by: w.adminId }, NOW)
      appendEvent(
        tx,
        'outcome.recorded',
        { leadId: lead, outcomeId: 7, outcome: 'won', occurredOn: '2026-11-20' },
        NOW,
      )
      appendEvent(
        tx,
        'case.vote_cast',
        { caseId: kase, memberId: dana, verdict: 'meets', changed: false },
        NOW,
      )
      appendEvent(
        tx,
        'case.decided',
        {
          caseId: kase,
          leadId: lead,
          verdict: 'meets',
          disposition: null,
          repId: dana,
          marketerId: null,
          returnedTo: dana,
        },
        NOW,
      )
    })
    w.drain()
    await w.deliver(NOW)
    // Endpoints are sent to side by side; each one's deliveries in order.
    const forAll = w.receiver.received.filter((r) =>
      r.headers['webhook-id']?.toString().endsWith(`_${all.id}`),
    )
    expect(forAll.map((r) => JSON.parse(r.body).type)).toEqual([
      'lead.rejected',
      'case.opened',
      'lead.accepted',
      'case.conceded',
      'case.review_overdue',
      'lead.returned',
      'lead.converted',
      'definition.activated',
      'outcome.recorded',
      'case.decided',
    ])
    const byEndpoint = (id: number) =>
      w
        .deliveries()
        .filter((d) => d.endpointId === id)
        .map((d) => d.eventType)
    expect(byEndpoint(decidedOnly.id)).toEqual(['case.decided'])
    expect(byEndpoint(all.id)).toHaveLength(10)
    const bodies = forAll.map((r) => JSON.parse(r.body))
    expect(bodies[6].data).toMatchObject({ opportunity_ref: 'OPP-9', opportunity_amount: 1200 })
    expect(bodies[7].data).toMatchObject({ definition: { version_id: 4, version: 2 } })
    expect(bodies[8].data).toMatchObject({
      outcome: { id: 7, outcome: 'won', occurred_on: '2026-11-20' },
    })
    expect(bodies[5].data).toMatchObject({ previous_rep_email: 'omar@example.test' })
  })
})

describe('the event’s own facts', () => {
  it('after a backlog, case.opened still shows the case as it opened: in review, no verdict', async () => {
    await w.register(['case.opened', 'case.decided'])
    // The case is decided before the events reach webhooks (a backlog).
    decide()
    w.drain()
    await w.deliver(NOW)
    const [opened, decided] = w.receiver.received.map((r) => JSON.parse(r.body))
    expect(opened.type).toBe('case.opened')
    expect(opened.data.case).toMatchObject({
      id: w.caseId,
      kind: 'rejected',
      status: 'in_review',
      response: null,
      verdict: null,
      disposition: null,
      decided_at: null,
      rep_email: 'dana@example.test',
    })
    expect(decided.data.case).toMatchObject({ status: 'decided', verdict: 'does_not_meet' })
  })
})

describe('retries', () => {
  it('retries a 500 on the schedule with jitter, exactly, then delivers and clears failing_since', async () => {
    const { id } = await w.register(['lead.rejected'])
    w.drain()
    let code = 500
    w.receiver.answer = () => code
    const random = () => 0.25
    await w.deliver(NOW, { random })
    // 5 s × (0.5 + 0.25) = 3.75 s.
    const [d] = w.deliveries()
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      nextAttemptAt: plus(3750),
    })
    expect(d?.lastError).toBe('HTTP 500: status 500')
    expect(getEndpoint(w.db, id)?.failingSince).toEqual(NOW)
    expect(await w.deliver(plus(3749), { random })).toEqual({ done: 0, more: false })
    expect(w.receiver.received).toHaveLength(1)
    await w.deliver(plus(3750), { random })
    // 5 min × 0.75 = 225 s after the second attempt.
    expect(deliveryById(w, d?.id ?? 0)).toMatchObject({
      attempts: 2,
      nextAttemptAt: plus(3750 + 225_000),
    })
    code = 204
    await w.deliver(plus(3750 + 225_000), { random })
    expect(deliveryById(w, d?.id ?? 0)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 204,
      deliveredAt: plus(228_750),
    })
    expect(getEndpoint(w.db, id)?.failingSince).toBeNull()
    expect(new Set(w.receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1)
  })

  it('gives a delivery up after its last attempt', async () => {
    await w.register(['lead.rejected'])
    w.drain()
    w.receiver.answer = () => 503
    w.db
      .update(webhookDeliveries)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .run()
    await w.deliver(NOW)
    expect(w.deliveries()[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      nextAttemptAt: null,
    })
  })

  it('a 410 disables the endpoint, gives up its waiting deliveries and tells every admin', async () => {
    const { id } = await w.register()
    w.drain()
    w.receiver.answer = () => 410
    await w.deliver(NOW)
    expect(w.receiver.received).toHaveLength(1)
    expect(getEndpoint(w.db, id)).toMatchObject({
      disabledAt: NOW,
      disabledReason: 'The endpoint answered 410 Gone',
    })
    expect(w.deliveries().map((d) => [d.status, d.attempts])).toEqual([
      ['failed', 1],
      ['failed', 0],
    ])
    w.drain()
    const notices = unreadNotifications(w.db, w.adminId)
    expect(notices.map((n) => [n.kind, n.leadId, n.caseId])).toEqual([
      ['webhook_disabled', null, null],
    ])
    // Nothing more is sent to it.
    await w.deliver(plus(3600_000))
    expect(w.receiver.received).toHaveLength(1)
  })

  it('an endpoint failing for three days is disabled, and admins are told', async () => {
    const { id } = await w.register(['lead.rejected'])
    w.drain()
    w.receiver.answer = () => 500
    await w.deliver(NOW)
    const threeDays = 3 * 24 * 3600_000
    w.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: plus(threeDays - 1) })
      .run()
    await w.deliver(plus(threeDays - 1))
    expect(getEndpoint(w.db, id)?.disabledAt).toBeNull()
    // The third attempt, 5 min later (random 0.5: the step itself), is past the three days.
    await w.deliver(plus(threeDays - 1 + 5 * 60 * SECOND))
    expect(getEndpoint(w.db, id)).toMatchObject({
      disabledAt: plus(threeDays - 1 + 5 * 60 * SECOND),
      disabledReason: 'Failing since 23 Nov 2026, 10:00 UTC (three days without a success)',
    })
    w.drain()
    expect(unreadNotifications(w.db, w.adminId).map((n) => n.kind)).toEqual(['webhook_disabled'])
  })
})

describe('a receiver down, then up', () => {
  it('gets every event exactly once by webhook-id, in order, after retries', async () => {
    await w.register()
    decide()
    w.drain()
    const port = Number(new URL(w.receiver.url).port)
    await w.receiver.close()
    let at = NOW
    for (let round = 0; round < 2; round++) {
      await w.deliver(at)
      at = new Date(Math.min(...w.deliveries().map((d) => d.nextAttemptAt?.getTime() ?? Infinity)))
    }
    expect(w.deliveries().map((d) => d.lastError?.startsWith('Could not connect'))).toContain(true)
    w.receiver = await startReceiver('/hooks', port)
    while (w.deliveries().some((d) => d.status === 'pending')) {
      await w.deliver(at)
      at = new Date(
        Math.min(
          ...w.deliveries().map((d) => d.nextAttemptAt?.getTime() ?? Infinity),
          at.getTime() + 1,
        ),
      )
    }
    const ids = w.receiver.received.map((r) => r.headers['webhook-id'])
    expect(ids).toEqual(w.deliveries().map((d) => d.messageId))
    expect(new Set(ids).size).toBe(4)
  })
})

describe('the timeout', () => {
  it('a receiver that never answers is a failed attempt after the timeout', async () => {
    await w.register(['lead.rejected'])
    w.drain()
    w.receiver.answer = () => 'hang'
    await w.deliver(NOW, { timeoutMs: 200 })
    expect(w.deliveries()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'No answer within 0.2 s',
    })
    expect(w.deliveries()[0]?.lastDurationMs).toBeGreaterThanOrEqual(150)
  })
})
