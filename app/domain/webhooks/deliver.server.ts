// Sending webhooks (decision 29), run by the job runner every second: claims the deliveries
// that are due in one short transaction, sends them with `fetch` outside any transaction (a few
// endpoints at a time; one endpoint's deliveries one after another, oldest first), signed per
// the Standard Webhooks specification, then records each result in a short transaction of its
// own (attempts.server.ts).
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { Agent, fetch as undiciFetch } from 'undici'
import { getWebhookSettings } from '~/domain/settings/settings.server'
import type { DB } from '~db/connection'
import { webhookDeliveries, webhookEndpoints } from '~db/schema'
import { checkTarget, connectLookup, type Lookup } from './address.server'
import { type AttemptOutcome, recordAttempt } from './attempts.server'
import { endpointWithSecrets, signingSecrets } from './endpoints.server'

export const USER_AGENT = 'Leadcourt-Webhooks/1.0'

/** undici's fetch: it takes undici's Agent as the dispatcher (the global fetch may not). */
export type Fetch = typeof undiciFetch

export type DeliverOptions = {
  /** The request (undici's fetch; a test may wrap it). */
  fetch?: Fetch
  /** How host names resolve: the check before each request, and the connection itself. */
  lookup?: Lookup
  /** The jitter's random number in [0, 1). */
  random?: () => number
  /** How long a receiver has to answer: 10 s. */
  timeoutMs?: number
  /** Deliveries claimed per run. */
  batchSize?: number
  /** Endpoints sent to at once. */
  concurrency?: number
  /**
   * The time, read before each request and when its result is recorded (the network takes time;
   * the run's `now` is only when it started). The runner's clock; the system clock by default.
   */
  clock?: () => Date
}

export const DELIVERY_TIMEOUT_MS = 10_000
const BATCH = 20
const CONCURRENCY = 4

/** How long a claimed delivery is kept from other runners: past the timeout, with room to spare. */
const LEASE_MS = 60_000

type Claimed = {
  id: number
  endpointId: number
  attempts: number
  messageId: string
  body: string
  createdAt: Date
  /** The lease this runner holds on it (its next attempt moved ahead). */
  leaseUntil: Date
}

/**
 * Claims the due deliveries to enabled endpoints, oldest first: their next attempt moves a lease
 * ahead, so a second runner (`npm run jobs` beside the server) does not send them too; a runner
 * that dies mid-request leaves them to be retried when the lease ends.
 */
export function claimDue(db: DB, now: Date, size: number): Claimed[] {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({
          id: webhookDeliveries.id,
          endpointId: webhookDeliveries.endpointId,
          attempts: webhookDeliveries.attempts,
          messageId: webhookDeliveries.messageId,
          body: webhookDeliveries.body,
          createdAt: webhookDeliveries.createdAt,
        })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(
          and(
            eq(webhookDeliveries.status, 'pending'),
            lte(webhookDeliveries.nextAttemptAt, now),
            isNull(webhookEndpoints.disabledAt),
          ),
        )
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
        .limit(size)
        .all()
      const leaseUntil = new Date(now.getTime() + LEASE_MS)
      if (rows.length)
        tx.update(webhookDeliveries)
          .set({ nextAttemptAt: leaseUntil })
          .where(
            inArray(
              webhookDeliveries.id,
              rows.map((r) => r.id),
            ),
          )
          .run()
      return rows.map((r) => ({ ...r, leaseUntil })).sort((a, b) => a.id - b.id)
    },
    { behavior: 'immediate' },
  )
}

/**
 * Renews the lease on a claimed delivery just before it is sent: only while the lease is still
 * the one this runner set (the delivery still pending), so one whose lease ran out while earlier
 * ones were sent, and that another runner claimed meanwhile, is left to that runner. Whether it
 * may be sent.
 */
export function renewLease(db: DB, delivery: Claimed, now: Date): boolean {
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  const renewed = db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.nextAttemptAt, delivery.leaseUntil),
      ),
    )
    .run()
  if (renewed.changes === 0) return false
  delivery.leaseUntil = leaseUntil
  return true
}

/** The Standard Webhooks headers: one `v1,` signature per secret signing now, space-separated. */
export function signedHeaders(
  secrets: readonly string[],
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(' '),
  }
}

const failed = (at: Date, error: string, durationMs = 0): AttemptOutcome => ({
  at,
  statusCode: null,
  durationMs,
  error,
})

/** One request: the address re-checked, then a POST that must answer within the timeout. */
type Options = Required<Omit<DeliverOptions, 'lookup'>> & {
  lookup?: Lookup
  /** The connections of a run, by whether Settings allow private targets. */
  agents: Map<boolean, Agent>
}

/**
 * The dispatcher the request goes through: its connections resolve the host with
 * `connectLookup`, which refuses a private or loopback address unless Settings allow them, so
 * the address connected to is the address checked (no DNS rebinding between check and send).
 */
function agentFor(o: Options, allowPrivate: boolean): Agent {
  let agent = o.agents.get(allowPrivate)
  if (!agent) {
    agent = new Agent({ connect: { lookup: connectLookup(allowPrivate, o.lookup) } })
    o.agents.set(allowPrivate, agent)
  }
  return agent
}

async function attempt(db: DB, delivery: Claimed, o: Options): Promise<AttemptOutcome> {
  let now = o.clock()
  const endpoint = endpointWithSecrets(db, delivery.endpointId)
  if (!endpoint || endpoint.disabledAt) return failed(now, 'The endpoint is disabled')
  const { allowPrivateTargets } = getWebhookSettings(db)
  const target = await checkTarget(endpoint.url, allowPrivateTargets, o.lookup)
  now = o.clock()
  if (!target.ok) return failed(now, `Not sent: ${target.message}`)
  const headers = signedHeaders(
    signingSecrets(endpoint, now),
    delivery.messageId,
    now,
    delivery.body,
  )
  const started = performance.now()
  const took = () => Math.round(performance.now() - started)
  try {
    const response = await o.fetch(endpoint.url, {
      method: 'POST',
      headers,
      body: delivery.body,
      redirect: 'manual',
      dispatcher: agentFor(o, allowPrivateTargets),
      signal: AbortSignal.timeout(o.timeoutMs),
    })
    const text = await response.text().catch(() => '')
    const ok = response.status >= 200 && response.status < 300
    return {
      at: now,
      statusCode: response.status,
      durationMs: took(),
      error: ok ? null : `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    }
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError')
      return failed(now, `No answer within ${o.timeoutMs / 1000} s`, took())
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return failed(
      now,
      `Could not connect: ${cause?.code ?? cause?.message ?? String(error)}`,
      took(),
    )
  }
}

/** Runs `work` on each item, `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T)
  })
  await Promise.all(lanes)
}

/**
 * One run of the delivery job: claims up to a batch of due deliveries and sends them; an
 * endpoint that fails one is sent no more this run (its later deliveries wait until the failed
 * one's retry, so they keep their order). `more` when the batch was full.
 */
export async function deliverDue(
  db: DB,
  now: Date,
  options: DeliverOptions = {},
): Promise<{ done: number; more: boolean }> {
  const o: Options = {
    fetch: options.fetch ?? undiciFetch,
    lookup: options.lookup,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
    batchSize: options.batchSize ?? BATCH,
    concurrency: options.concurrency ?? CONCURRENCY,
    clock: options.clock ?? (() => new Date()),
    agents: new Map(),
  }
  const claimed = claimDue(db, now, o.batchSize)
  const byEndpoint = new Map<number, Claimed[]>()
  for (const d of claimed)
    byEndpoint.set(d.endpointId, [...(byEndpoint.get(d.endpointId) ?? []), d])
  let delivered = 0
  try {
    await sendAll([...byEndpoint.values()], o, db, () => delivered++)
  } finally {
    await Promise.all([...o.agents.values()].map((agent) => agent.destroy()))
  }
  return { done: delivered, more: claimed.length === o.batchSize }
}

/** Sends each endpoint's queue in order, a few endpoints at a time. */
async function sendAll(queues: Claimed[][], o: Options, db: DB, onDelivered: () => void) {
  await inPool(queues, o.concurrency, async (queue) => {
    for (const [index, delivery] of queue.entries()) {
      // Another runner took it once this runner's lease ran out: it is that runner's to send.
      if (!renewLease(db, delivery, o.clock())) continue
      const outcome = await attempt(db, delivery, o)
      const result = recordAttempt(db, delivery, outcome, o.clock(), o.random)
      if (result.status === 'delivered') {
        onDelivered()
        continue
      }
      // The rest wait for the failed one's retry (or are due again at once if it gave up).
      const rest = queue.slice(index + 1).map((d) => d.id)
      if (rest.length)
        db.update(webhookDeliveries)
          .set({ nextAttemptAt: result.nextAttemptAt ?? o.clock() })
          .where(and(inArray(webhookDeliveries.id, rest), eq(webhookDeliveries.status, 'pending')))
          .run()
      return
    }
  })
}
