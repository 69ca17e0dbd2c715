// What an attempt to deliver a webhook did, recorded in one short transaction after the request
// (decision 29): a 2xx delivers; a 410 disables the endpoint; anything else (another status, a
// timeout, a refused address, a network error) is retried on the schedule below, with jitter,
// until the attempts run out (the last one at least three days after the event); an endpoint
// failing for three days, or whose delivery failed its last attempt, is disabled, admins told.
import { and, eq } from 'drizzle-orm'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { webhookDeliveries, webhookEndpoints } from '~db/schema'
import { disableEndpointIn } from './endpoints.server'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * The wait after each failed attempt (the first attempt is at once): 5 s, 5 min, 30 min, 2 h,
 * 5 h, then 10 h seven times, 77 h 35 min in all (about three days and five hours), 13 attempts.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  ...Array<number>(7).fill(10 * HOUR),
]
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1

/** An endpoint whose failures have run this long without a success is disabled. */
export const FAILING_LIMIT_MS = 3 * 24 * HOUR

/**
 * The wait before the next attempt after `attempts` failed ones: the step of the schedule with
 * jitter, spread evenly from half of it to one and a half times it (`random` in [0, 1)), so
 * receivers that fail together are not retried together and the schedule's total holds on
 * average. Whole milliseconds.
 */
export function retryDelay(attempts: number, random: () => number): number {
  const step = RETRY_SCHEDULE_MS[Math.min(attempts, RETRY_SCHEDULE_MS.length) - 1] ?? 0
  return Math.floor(step * (0.5 + random()))
}

/** What one attempt came to: the answer's status (null without one) and what went wrong. */
export type AttemptOutcome = {
  /** When the attempt started (its request signed and sent). */
  at: Date
  statusCode: number | null
  durationMs: number
  error: string | null
}

type Delivery = { id: number; endpointId: number; attempts: number; createdAt: Date }

/**
 * When the attempt after `attempts` failed ones is due: the schedule's step with jitter from
 * `now`, but the last attempt never before three days after the delivery was created (jitter
 * could otherwise bring it days early, and give up before the endpoint has failed three days).
 */
export function nextAttemptAt(
  delivery: Delivery,
  attempts: number,
  now: Date,
  random: () => number,
): Date {
  const at = now.getTime() + retryDelay(attempts, random)
  if (attempts + 1 < MAX_ATTEMPTS) return new Date(at)
  return new Date(Math.max(at, delivery.createdAt.getTime() + FAILING_LIMIT_MS))
}

const isSuccess = (code: number | null) => code !== null && code >= 200 && code < 300

/**
 * Records an attempt on a delivery, in one immediate transaction, at `now` (the attempt's end:
 * the next attempt counts from it). Returns what became of the
 * delivery: delivered, retrying (pending again, at `nextAttemptAt`) or failed.
 */
export function recordAttempt(
  db: Queryable,
  delivery: Delivery,
  outcome: AttemptOutcome,
  now: Date,
  random: () => number,
): { status: 'delivered' | 'pending' | 'failed'; nextAttemptAt: Date | null } {
  return db.transaction(
    (tx) => {
      const attempts = delivery.attempts + 1
      const seen = {
        attempts,
        lastAttemptAt: outcome.at,
        lastStatusCode: outcome.statusCode,
        lastDurationMs: outcome.durationMs,
        lastError: outcome.error,
      }
      const endpoint = tx
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, delivery.endpointId))
        .get()
      const row = eq(webhookDeliveries.id, delivery.id)
      if (isSuccess(outcome.statusCode)) {
        tx.update(webhookDeliveries)
          .set({ ...seen, status: 'delivered', nextAttemptAt: null, deliveredAt: now })
          .where(row)
          .run()
        tx.update(webhookEndpoints)
          .set({ failingSince: null })
          .where(eq(webhookEndpoints.id, delivery.endpointId))
          .run()
        return { status: 'delivered' as const, nextAttemptAt: null }
      }
      // Still waiting (not given up meanwhile, by a disabled endpoint): retry or give up.
      const pending = and(row, eq(webhookDeliveries.status, 'pending'))
      const last = attempts >= MAX_ATTEMPTS || outcome.statusCode === 410
      const next = last ? null : nextAttemptAt(delivery, attempts, now, random)
      tx.update(webhookDeliveries)
        .set({ ...seen, status: last ? 'failed' : 'pending', nextAttemptAt: next })
        .where(pending)
        .run()
      if (!endpoint || endpoint.disabledAt)
        return { status: 'failed' as const, nextAttemptAt: null }
      if (outcome.statusCode === 410) {
        disableEndpointIn(
          tx,
          { userId: null },
          endpoint,
          'The endpoint answered 410 Gone',
          now,
          true,
        )
        return { status: 'failed' as const, nextAttemptAt: null }
      }
      // Three days of failures, or a delivery given up after its last attempt (at least three
      // days after it was created, all of them failed): the endpoint is disabled, admins told.
      const since = endpoint.failingSince ?? now
      if (last || now.getTime() - since.getTime() >= FAILING_LIMIT_MS) {
        const failing = `Failing since ${formatDateTime(since, getOrganisationSettings(tx).timeZone)}`
        const reason = last
          ? `${failing} (a delivery failed all ${MAX_ATTEMPTS} attempts over three days)`
          : `${failing} (three days without a success)`
        disableEndpointIn(tx, { userId: null }, endpoint, reason, now, true)
        return { status: 'failed' as const, nextAttemptAt: null }
      }
      if (!endpoint.failingSince)
        tx.update(webhookEndpoints)
          .set({ failingSince: now })
          .where(eq(webhookEndpoints.id, endpoint.id))
          .run()
      return { status: 'pending' as const, nextAttemptAt: next }
    },
    { behavior: 'immediate' },
  )
}
