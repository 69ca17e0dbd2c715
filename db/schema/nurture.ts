import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { NURTURE_ENDINGS } from '../enums'

import { cases } from './cases'
import { inList } from './columns'
import { leads } from './leads'
import { users } from './people'

/**
 * A lead's stay in the Nurture pool (decision 26): from the verdict or concession that sent it
 * there until it is handed back to Sales. The snapshot is the lead as it entered, so the pool
 * can say what changed since; re-engagement is flagged when an import or an edit makes it meet
 * the definition in force, or lifts its engagement score past the threshold in Settings.
 */
export const nurtureStays = sqliteTable(
  'nurture_stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    // The case whose verdict (or concession) sent the lead to nurture.
    caseId: integer('case_id').references(() => cases.id),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    // Flagged re-engaged, and why (e.g. ['meets the definition', 'engagement score 45 → 82']).
    reengagedAt: integer('reengaged_at', { mode: 'timestamp_ms' }),
    reengagedWhy: text('reengaged_why', { mode: 'json' }).$type<string[]>(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endedHow: text('ended_how', { enum: NURTURE_ENDINGS }),
    endedBy: integer('ended_by').references(() => users.id),
    // The marketer's note saying what is new when they hand the lead back.
    note: text('note'),
  },
  (t) => [
    uniqueIndex('nurture_stays_one_open_per_lead').on(t.leadId).where(sql`${t.endedAt} IS NULL`),
    index('nurture_stays_pool_idx').on(t.endedAt, t.startedAt, t.id),
    // The re-engaged leads still in the pool: the pool's filter and the marketer's home count.
    index('nurture_stays_reengaged_idx')
      .on(t.startedAt, t.id)
      .where(sql`${t.endedAt} IS NULL AND ${t.reengagedAt} IS NOT NULL`),
    index('nurture_stays_lead_idx').on(t.leadId, t.id),
    index('nurture_stays_ended_idx').on(t.endedHow, t.endedAt, t.id),
    check(
      'nurture_stays_ending_valid',
      sql`${t.endedHow} IS NULL OR ${t.endedHow} IN (${inList(NURTURE_ENDINGS)})`,
    ),
  ],
)
