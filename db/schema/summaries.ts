import { sql } from 'drizzle-orm'
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The report summaries' calendar and progress (decision 34). The summaries themselves are the
// families' tables (app/domain/summaries/families.server.ts), kept by triggers.

/**
 * The organisation's time zone as UTC offsets: from `from_at` (ms) on, local time is UTC plus
 * `offset_ms`, until the next row. Written in TypeScript (Temporal's transitions of the zone);
 * the triggers read an instant's local day from it: floor((at + offset) / 1 day).
 */
export const localOffsets = sqliteTable('local_offsets', {
  fromAt: integer('from_at').primaryKey(),
  offsetMs: integer('offset_ms').notNull(),
})

/** The time zone `local_offsets` and every summary were built for: one row. */
export const summaryZone = sqliteTable(
  'summary_zone',
  {
    id: integer('id').primaryKey(),
    timeZone: text('time_zone').notNull(),
  },
  (t) => [check('summary_zone_one_row', sql`${t.id} = 1`)],
)

/**
 * How far each summary family has counted each table it reads: the rows with an id up to `upto`
 * are in the summaries (the triggers keep those up to date), the others wait for the rebuild
 * job. A family is complete when every one of its sources is at SUMMARY_COMPLETE.
 */
export const summaryProgress = sqliteTable(
  'summary_progress',
  {
    family: text('family').notNull(),
    source: text('source').notNull(),
    upto: integer('upto').notNull(),
  },
  (t) => [primaryKey({ columns: [t.family, t.source] })],
)
