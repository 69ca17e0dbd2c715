import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { API_JOB_STATUSES } from '../enums'
import { users } from './people'

// API tokens (issue 17, decision 27): the secret is kept only as its SHA-256 hash; the short
// public prefix finds the row and is what the list shows.
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    // Null when made by `npm run api-token`.
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    ratePerMinute: integer('rate_per_minute').notNull().default(600),
  },
  (t) => [
    uniqueIndex('api_tokens_prefix_unique').on(t.prefix),
    index('api_tokens_created_at').on(t.createdAt),
  ],
)

/**
 * The first answer to each write sent with an `Idempotency-Key` (per token, kept 24 hours): the
 * same key and body gets this answer again; the same key with another body, a 422.
 */
export const apiIdempotency = sqliteTable(
  'api_idempotency',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id),
    key: text('key').notNull(),
    // "METHOD path" and the SHA-256 of the body: what the key was first used for.
    request: text('request').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.key] }),
    index('api_idempotency_created_idx').on(t.createdAt),
  ],
)

/** Requests per token per minute (the rate limit), one row per token and minute. */
export const apiRateWindows = sqliteTable(
  'api_rate_windows',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id),
    // The minute's start, in ms since the epoch.
    windowStart: integer('window_start').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
)

/** A batch of leads sent to `POST /api/v1/leads/batch`, upserted by the job runner. */
export const apiJobs = sqliteTable(
  'api_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id),
    kind: text('kind').notNull(),
    status: text('status', { enum: API_JOB_STATUSES }).notNull(),
    // The rows as sent, until the job is done (then null).
    input: text('input', { mode: 'json' }).$type<unknown[]>(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    error: text('error'),
  },
  (t) => [index('api_jobs_status_idx').on(t.status, t.id)],
)

/** A row of a batch that was not written: its index in the batch (from 0), the field and why. */
export const apiJobErrors = sqliteTable(
  'api_job_errors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => apiJobs.id),
    row: integer('row').notNull(),
    field: text('field'),
    message: text('message').notNull(),
    identifier: text('identifier'),
  },
  (t) => [index('api_job_errors_job_idx').on(t.jobId, t.row)],
)
