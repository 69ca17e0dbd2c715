import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The clocks family of the report summaries (decision 34): the follow-up and return clocks that
// have ended (acted on or ignored), counted per local day and per local month, by the triggers
// of migration 0026 and the rebuild (app/domain/summaries/clocks.server.ts). Running clocks are
// not counted: whether one is breached depends on the time the report is read. The tables are
// WITHOUT ROWID (added by hand to the migration): each is its primary key.

/**
 * The ended clocks of a rep (`rep_id`; 0: every rep) on a local day (`level` 0, `at` the day
 * from 1970-01-01) or in a local month (`level` 1, `at` = year × 12 + month − 1).
 */
export const summaryClockCounts = sqliteTable(
  'summary_clock_counts',
  {
    kind: text('kind').notNull(),
    repId: integer('rep_id').notNull(),
    level: integer('level').notNull(),
    at: integer('at').notNull(),
    reengaged: integer('reengaged').notNull(),
    started: integer('started').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    ignored: integer('ignored').notNull(),
    inTime: integer('in_time').notNull(),
    /** Ignored, or acted on after the due time: breached. */
    late: integer('late').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.repId, t.level, t.at, t.reengaged] })],
)

/**
 * The working times to the first accept or reject in whole hours (floor(working_ms / 3,600,000)):
 * the coarse histogram the percentiles find their hour in, keyed as the counts.
 */
export const summaryClockHours = sqliteTable(
  'summary_clock_hours',
  {
    kind: text('kind').notNull(),
    repId: integer('rep_id').notNull(),
    level: integer('level').notNull(),
    at: integer('at').notNull(),
    hour: integer('hour').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.repId, t.level, t.at, t.hour, t.reengaged] })],
)

/** The same working times in whole minutes: the percentiles' minute, read for one hour. */
export const summaryClockMinutes = sqliteTable(
  'summary_clock_minutes',
  {
    kind: text('kind').notNull(),
    repId: integer('rep_id').notNull(),
    level: integer('level').notNull(),
    at: integer('at').notNull(),
    minute: integer('minute').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.repId, t.level, t.at, t.minute, t.reengaged] })],
)

/**
 * The ended clocks by the lead's source and campaign (as the lead has them now: a trigger on the
 * lead moves its clocks when they change) and, for a return clock, the reason of the case decided
 * at its start (0: none), per local day and working minute (−1: no working time to count).
 */
export const summaryClockDetails = sqliteTable(
  'summary_clock_details',
  {
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    day: integer('day').notNull(),
    campaign: text('campaign').notNull(),
    repId: integer('rep_id').notNull(),
    reengaged: integer('reengaged').notNull(),
    reasonId: integer('reason_id').notNull(),
    minute: integer('minute').notNull(),
    started: integer('started').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    ignored: integer('ignored').notNull(),
    inTime: integer('in_time').notNull(),
    late: integer('late').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.kind, t.source, t.day, t.campaign, t.repId, t.reengaged, t.reasonId, t.minute],
    }),
    index('summary_clock_details_campaign_idx').on(t.kind, t.campaign, t.day),
    index('summary_clock_details_reason_idx').on(t.kind, t.reasonId, t.day),
  ],
)
