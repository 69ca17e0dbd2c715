import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { EMAIL_KINDS, EMAIL_STATUSES } from '../enums'
import { users } from './people'

// E-mail (issue 17, decision 30): every message is a row, written by a consumer of the outbox (or
// the digest job) and sent by the job runner; with no SMTP configured it is kept here for admins
// to read in the app.
export const emailMessages = sqliteTable(
  'email_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    toAddress: text('to_address').notNull(),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    // What made it: the outbox event, or for a digest the local day (`digest:2026-11-28`).
    source: text('source').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    link: text('link').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('email_messages_once').on(t.userId, t.kind, t.source),
    index('email_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('email_messages_created_idx').on(t.createdAt),
  ],
)

/** A person's choice for one kind of e-mail; no row means the kind's default. */
export const emailPreferences = sqliteTable(
  'email_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)
