import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { NOTIFICATION_KINDS } from '../enums'
import { cases } from './cases'
import { leads } from './leads'
import { users } from './people'

/** Something a user must hear about (a case opened on their lead), shown on their home until read. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: integer('case_id').references(() => cases.id),
    leadId: integer('lead_id').references(() => leads.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notifications_unread_idx').on(t.userId, t.id).where(sql`${t.readAt} IS NULL`)],
)
