import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { DELIVERY_STATUSES } from '../enums'
import { apiTokens } from './api'
import { users } from './people'

// Webhooks (issue 17, decision 29): endpoints registered by admins or by a `webhooks:manage`
// token, and one delivery per event and endpoint, retried by the job runner.
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    // The signing secret (`whsec_…`): kept as is, since signing needs it; shown once.
    secret: text('secret').notNull(),
    // After a rotation, the old secret signs too until `previous_secret_until`.
    previousSecret: text('previous_secret'),
    previousSecretUntil: integer('previous_secret_until', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id),
    createdByToken: integer('created_by_token').references(() => apiTokens.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    // The first failure of the current run of failures (null once a delivery succeeds).
    failingSince: integer('failing_since', { mode: 'timestamp_ms' }),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    disabledReason: text('disabled_reason'),
  },
  (t) => [index('webhook_endpoints_created_idx').on(t.createdAt)],
)

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    // The outbox event delivered (null for a test ping).
    eventId: integer('event_id'),
    eventType: text('event_type').notNull(),
    // The `webhook-id`: the same on every attempt, so a receiver can drop repeats.
    messageId: text('message_id').notNull(),
    // The body as first built: every attempt sends the same bytes.
    body: text('body').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_unique').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
)
