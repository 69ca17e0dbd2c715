// The outbox: domain events appended in the transaction of the change they record, and the
// drain that hands them to consumers after the commit, in order, once per consumer.
import { and, asc, count, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { outbox, outboxConsumers } from '~db/schema'
import type { EventPayloads, EventType, StoredEvent } from './catalog'

/**
 * Appends an event. Call it with the transaction that makes the change, so the event exists if
 * and only if the change committed.
 */
export function appendEvent<T extends EventType>(
  tx: Queryable,
  type: T,
  payload: EventPayloads[T],
  now: Date,
): void {
  tx.insert(outbox).values({ type, payload, occurredAt: now }).run()
  for (const listener of appendListeners) listener()
}

// Kept on globalThis: the production server bundles this module twice (once in build/server.js
// with the job runner, once in the Remix build with the routes), and both copies must share it.
const LISTENERS = Symbol.for('leadcourt.outbox.appendListeners')
const registry = globalThis as { [LISTENERS]?: Set<() => void> }
registry[LISTENERS] ??= new Set()
const appendListeners = registry[LISTENERS]

/**
 * Calls `listener` whenever this process appends an event, so the job runner can drain the
 * outbox at once instead of at its next tick. The call comes inside the appending transaction:
 * a listener only schedules work (better-sqlite3's transactions are synchronous, so anything
 * scheduled runs after the commit, or finds nothing if it rolled back). Returns the unsubscribe.
 */
export function onEventAppended(listener: () => void): () => void {
  appendListeners.add(listener)
  return () => appendListeners.delete(listener)
}

/**
 * A consumer of events. `handle` runs inside the transaction that records the consumer's
 * progress, so what it writes to the database is written once per event; it must not do slow
 * work (no network): a consumer that talks to the outside world records an intent here and
 * delivers it from a job of its own.
 */
export type Consumer = {
  name: string
  handle: (tx: Queryable, event: StoredEvent, now: Date) => void
}

export const DRAIN_BATCH = 100

/**
 * Hands the next batch of events to one consumer, in one immediate transaction: reads where the
 * consumer stands, runs its handler on each following event and moves it on. Two runners (the
 * server's and `npm run jobs`) wait for each other's lock, so neither hands an event to the
 * consumer twice; a crash rolls the batch back, handled and progress together. A handler that
 * throws stops the consumer at that event (later events wait, in order); the failure is counted
 * and the next drain retries it. Returns how many events were handled, and whether more wait.
 */
export function drainBatch(
  db: Queryable,
  consumer: Consumer,
  now: Date,
  size = DRAIN_BATCH,
): { handled: number; more: boolean; error?: unknown } {
  // Nothing waiting: no need for the write lock (the runner asks every tick).
  if (!waiting(db, consumer.name)) return { handled: 0, more: false }
  return db.transaction(
    (tx) => {
      const at = tx
        .select()
        .from(outboxConsumers)
        .where(eq(outboxConsumers.consumer, consumer.name))
        .get()
      const events = tx
        .select({
          id: outbox.id,
          type: outbox.type,
          payload: outbox.payload,
          occurredAt: outbox.occurredAt,
        })
        .from(outbox)
        .where(gt(outbox.id, at?.lastEventId ?? 0))
        .orderBy(asc(outbox.id))
        .limit(size)
        .all() as unknown as StoredEvent[]
      let last = at?.lastEventId ?? 0
      let error: unknown
      for (const event of events) {
        try {
          tx.transaction((inner) => consumer.handle(inner, event, now))
          last = event.id
        } catch (caught) {
          error = caught
          break
        }
      }
      const handled = events.findIndex((e) => e.id > last)
      const count = handled === -1 ? events.length : handled
      tx.insert(outboxConsumers)
        .values({
          consumer: consumer.name,
          lastEventId: last,
          updatedAt: now,
          failures: error ? 1 : 0,
          lastError: error ? String(error) : null,
        })
        .onConflictDoUpdate({
          target: outboxConsumers.consumer,
          set: {
            lastEventId: last,
            updatedAt: now,
            failures: error ? sql`${outboxConsumers.failures} + 1` : 0,
            lastError: error ? String(error) : null,
          },
        })
        .run()
      return error
        ? { handled: count, more: false, error }
        : { handled: count, more: events.length === size }
    },
    { behavior: 'immediate' },
  )
}

/**
 * One batch for every consumer, and the events all of them handled marked, in ONE immediate
 * transaction: a single commit (one fsync with synchronous=FULL) however many consumers there
 * are, where a transaction per consumer and one for the marking cost four after each write.
 * Each consumer's batch runs in a savepoint of its own (`drainBatch`), so a consumer that fails
 * keeps its failure recorded and holds back only itself. Nothing waiting: no write lock.
 */
export function drainConsumers(
  db: Queryable,
  consumers: readonly Consumer[],
  now: Date,
  size = DRAIN_BATCH,
  /** Consumers left out of this round (they failed earlier in the same drain); still counted when marking. */
  skip: ReadonlySet<string> = new Set(),
): { handled: number; more: boolean; failures: { consumer: string; error: unknown }[] } {
  const idle = { handled: 0, more: false, failures: [] }
  const ready = consumers.filter((consumer) => !skip.has(consumer.name))
  if (!ready.some((consumer) => waiting(db, consumer.name))) return idle
  return db.transaction(
    (tx) => {
      let handled = 0
      let more = false
      const failures: { consumer: string; error: unknown }[] = []
      for (const consumer of ready) {
        const batch = drainBatch(tx, consumer, now, size)
        handled += batch.handled
        more ||= batch.more
        if (batch.error) failures.push({ consumer: consumer.name, error: batch.error })
      }
      if (handled > 0)
        markHandled(
          tx,
          consumers.map((c) => c.name),
          now,
        )
      return { handled, more, failures }
    },
    { behavior: 'immediate' },
  )
}

function waiting(db: Queryable, consumer: string): boolean {
  const at = db
    .select({ last: outboxConsumers.lastEventId })
    .from(outboxConsumers)
    .where(eq(outboxConsumers.consumer, consumer))
    .get()
  return !!db
    .select({ id: outbox.id })
    .from(outbox)
    .where(gt(outbox.id, at?.last ?? 0))
    .limit(1)
    .get()
}

/**
 * Marks the events every one of `consumers` has handled (for the pending count and, later,
 * pruning). A consumer that has never run holds every event back.
 */
export function markHandled(db: Queryable, consumers: readonly string[], now: Date): number {
  if (consumers.length === 0) return 0
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({ upTo: outboxConsumers.lastEventId })
        .from(outboxConsumers)
        .where(inArray(outboxConsumers.consumer, [...consumers]))
        .all()
      if (rows.length < new Set(consumers).size) return 0
      const upTo = Math.min(...rows.map((r) => r.upTo))
      return tx
        .update(outbox)
        .set({ handledAt: now })
        .where(and(isNull(outbox.handledAt), lte(outbox.id, upTo)))
        .run().changes
    },
    { behavior: 'immediate' },
  )
}

/** Events not yet handled by every consumer. */
export function pendingEvents(db: Queryable): number {
  return db.select({ n: count() }).from(outbox).where(isNull(outbox.handledAt)).get()?.n ?? 0
}
