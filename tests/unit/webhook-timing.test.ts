// Webhook delivery against the clock (decision 29): the time read again around each request
// (a batch waits on the network), the lease renewed before each send so a second runner never
// sends a delivery too, and the retries clamped so the last attempt is 72 h after the event.

import { fetch as undiciFetch } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unreadNotifications } from '~/domain/notifications/notifications.server'
import { MAX_ATTEMPTS } from '~/domain/webhooks/attempts.server'
import { claimDue, type Fetch } from '~/domain/webhooks/deliver.server'
import { getEndpoint } from '~/domain/webhooks/endpoints.server'
import { appendEvent } from '~/platform/events/outbox.server'
import { webhookDeliveries } from '~db/schema'
import { deliveryById, type HookWorld, hookWorld, NOW } from '../support/webhook-world'

let w: HookWorld
beforeEach(async () => {
  w = await hookWorld()
})
afterEach(() => w.end())

const SECOND = 1000
const plus = (ms: number) => new Date(NOW.getTime() + ms)

/** A clock that a slow network moves on: each request takes `takesMs`. */
function slowNetwork(takesMs: number, during?: (at: Date) => void) {
  let elapsed = 0
  const clock = () => plus(elapsed)
  const slowFetch: Fetch = async (url, init) => {
    const response = await undiciFetch(url, init)
    elapsed += takesMs
    during?.(clock())
    return response
  }
  return { clock, fetch: slowFetch }
}

describe('the time of each attempt', () => {
  it('signs and records each request at its own time, and counts the retry from its end', async () => {
    await w.register(['lead.rejected', 'case.opened'])
    w.drain()
    w.receiver.answer = (r) => (JSON.parse(r.body).type === 'case.opened' ? 500 : 200)
    const net = slowNetwork(2 * SECOND)
    await w.deliver(NOW, net)
    expect(w.receiver.received.map((r) => r.headers['webhook-timestamp'])).toEqual([
      String(NOW.getTime() / 1000),
      String(NOW.getTime() / 1000 + 2),
    ])
    const [rejected, opened] = w.deliveries()
    expect(rejected).toMatchObject({
      status: 'delivered',
      lastAttemptAt: NOW,
      deliveredAt: plus(2 * SECOND),
    })
    // Sent at 2 s, answered at 4 s; the retry 5 s (random 0.5: the step itself) after that.
    expect(opened).toMatchObject({
      status: 'pending',
      lastAttemptAt: plus(2 * SECOND),
      nextAttemptAt: plus(9 * SECOND),
    })
  })
})

describe('the lease', () => {
  it('is renewed before each send: a delivery another runner claimed once it ran out is not sent twice', async () => {
    await w.register()
    w.db.transaction((tx) => {
      for (let i = 0; i < 2; i++)
        appendEvent(tx, 'lead.accepted', { leadId: w.leadId, repId: w.id.dana as number }, NOW)
    })
    w.drain()
    expect(w.deliveries()).toHaveLength(4)
    // Each request takes 25 s; at 70 s (during the third) a second runner claims what is due:
    // only the fourth, whose lease from the first claim (60 s) has run out.
    let other: number[] = []
    const net = slowNetwork(25 * SECOND, (at) => {
      if (at.getTime() - NOW.getTime() === 75 * SECOND)
        other = claimDue(w.db, plus(70 * SECOND), 20).map((d) => d.id)
    })
    expect(await w.deliver(NOW, net)).toEqual({ done: 3, more: false })
    const fourth = w.deliveries()[3]
    expect(other).toEqual([fourth?.id])
    expect(w.receiver.received).toHaveLength(3)
    expect(deliveryById(w, fourth?.id ?? 0)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: plus(130 * SECOND),
    })
  })
})

describe('the last attempt', () => {
  const HOUR = 3600 * SECOND
  /** The delivery (created at NOW) as if `attempts` had failed, due at `at`. */
  function failedSoFar(attempts: number, at: Date) {
    w.db.update(webhookDeliveries).set({ attempts, nextAttemptAt: at }).run()
  }

  it('is never before 72 h after the delivery was created, even with the shortest jitter', async () => {
    const { id } = await w.register(['lead.rejected'])
    w.drain()
    w.receiver.answer = () => 500
    const random = () => 0 // every step halved: 38 h 47 min 30 s in all without the clamp
    // An earlier step is not moved: 10 h × 0.5 after the 11th attempt.
    failedSoFar(MAX_ATTEMPTS - 3, plus(30 * HOUR))
    await w.deliver(plus(30 * HOUR), { random })
    expect(w.deliveries()[0]).toMatchObject({ attempts: 11, nextAttemptAt: plus(35 * HOUR) })
    // The 12th fails at 35 h: the 13th and last would be at 40 h; it waits until 72 h.
    await w.deliver(plus(35 * HOUR), { random })
    expect(w.deliveries()[0]).toMatchObject({
      status: 'pending',
      attempts: 12,
      nextAttemptAt: plus(72 * HOUR),
    })
    expect(await w.deliver(plus(72 * HOUR - 1), { random })).toEqual({ done: 0, more: false })
    expect(getEndpoint(w.db, id)?.disabledAt).toBeNull()
    // It fails too: the delivery gives up, the endpoint (failing since 30 h) is disabled and
    // every admin told, though no other event came.
    await w.deliver(plus(72 * HOUR), { random })
    expect(w.deliveries()[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastAttemptAt: plus(72 * HOUR),
      nextAttemptAt: null,
    })
    expect(getEndpoint(w.db, id)).toMatchObject({
      disabledAt: plus(72 * HOUR),
      disabledReason:
        'Failing since 24 Nov 2026, 16:00 UTC (a delivery failed all 13 attempts over three days)',
    })
    w.drain(plus(72 * HOUR))
    expect(unreadNotifications(w.db, w.adminId).map((n) => n.kind)).toEqual(['webhook_disabled'])
  })

  it('a last attempt already past 72 h keeps its jittered time', async () => {
    await w.register(['lead.rejected'])
    w.drain()
    w.receiver.answer = () => 500
    failedSoFar(MAX_ATTEMPTS - 2, plus(70 * HOUR))
    await w.deliver(plus(70 * HOUR), { random: () => 0.25 })
    // 10 h × 0.75 after 70 h.
    expect(w.deliveries()[0]).toMatchObject({ attempts: 12, nextAttemptAt: plus(77.5 * HOUR) })
  })
})
