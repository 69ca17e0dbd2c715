import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Domain events, appended in the transaction of the change they record (the outbox). Consumers
 * (notifications now; webhooks and e-mail next) read them in id order after the commit;
 * `handled_at` is set once every consumer has handled the event.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    handledAt: integer('handled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.handledAt} IS NULL`)],
)

/**
 * Where each consumer stands in the outbox: the last event it handled. A consumer advances it
 * in the same transaction as the rows its handler writes, so an event is handled once per
 * consumer however often the runner is stopped or run twice.
 */
export const outboxConsumers = sqliteTable('outbox_consumers', {
  consumer: text('consumer').primaryKey(),
  lastEventId: integer('last_event_id').notNull().default(0),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  /** Failures in a row on the event after `last_event_id`, and the last one's message. */
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
})
