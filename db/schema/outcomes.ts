import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { OUTCOMES } from '../enums'

import { inList } from './columns'
import { leads } from './leads'
import { users } from './people'

/** What became of a rejected or ignored lead, learnt later (by hand or by CSV import). */
export const outcomes = sqliteTable(
  'outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    // The day it was learnt or happened, as the organisation's calendar date (YYYY-MM-DD).
    occurredOn: text('occurred_on').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('outcomes_lead_idx').on(t.leadId, t.occurredOn, t.id),
    // Each lead's latest outcome for the hindsight report, without reading the table.
    index('outcomes_report_idx').on(t.leadId, t.occurredOn, t.id, t.outcome),
    check('outcomes_outcome_valid', sql`${t.outcome} IN (${inList(OUTCOMES)})`),
  ],
)
