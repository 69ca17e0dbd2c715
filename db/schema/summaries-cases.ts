import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The `cases` summary family (decision 34): the cases counted per calendar week or month of the
// organisation (the local day each opened on, from `local_offsets`) and per report dimension,
// kept by the triggers of its migration and rebuilt by app/domain/summaries/cases.server.ts.
//
// Every table has the same first columns. `dim` says which dimension `k` holds: 'all' (k is
// ''), 'rep' (the rep's id), 'reason' (the reason's id), 'source' or 'campaign' (the case's), ''
// standing for none; a case is counted once under each dim. `g` is the grain: 'w' (t: weeks
// since the Monday 1969-12-29) or 'm' (t: year × 12 + month − 1). Then the small filters: the
// kind, rejected after contact, re-engaged and (the counts) imported history.

const keys = {
  dim: text('dim').notNull(),
  k: text('k').notNull(),
  g: text('g').notNull(),
  t: integer('t').notNull(),
}

/** The cases and their state: rejection accuracy, verdicts, the review section, the scorecard. */
export const summaryCaseCounts = sqliteTable(
  'summary_case_counts',
  {
    ...keys,
    kind: text('kind').notNull(),
    afterContact: integer('after_contact').notNull(),
    imported: integer('imported').notNull(),
    reengaged: integer('reengaged').notNull(),
    /** Opened. */
    n: integer('n').notNull(),
    /** With a verdict (decided or conceded): the accuracy's "decided". */
    ruled: integer('ruled').notNull(),
    upheld: integer('upheld').notNull(),
    overturned: integer('overturned').notNull(),
    open: integer('open').notNull(),
    /** Status 'decided' (by the committee), and of those the verdict report's columns. */
    decided: integer('decided').notNull(),
    conceded: integer('conceded').notNull(),
    meets: integer('meets').notNull(),
    disqualified: integer('disqualified').notNull(),
    nurture: integer('nurture').notNull(),
    agree: integer('agree').notNull(),
    unanimous: integer('unanimous').notNull(),
    split: integer('split').notNull(),
    byChair: integer('by_chair').notNull(),
    /** Not imported, with a decision time; and of those, decided by the review due time. */
    reviewDecided: integer('review_decided').notNull(),
    reviewInTime: integer('review_in_time').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.dim, t.g, t.k, t.t, t.kind, t.afterContact, t.imported, t.reengaged],
    }),
  ],
)

/** The review working times of the decided cases (not imported), in whole minutes. */
export const summaryCaseReviewMinutes = sqliteTable(
  'summary_case_review_minutes',
  {
    ...keys,
    minute: integer('minute').notNull(),
    kind: text('kind').notNull(),
    afterContact: integer('after_contact').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.dim, t.g, t.k, t.t, t.minute, t.kind, t.afterContact, t.reengaged],
    }),
  ],
)

/**
 * The same working times in whole hours (minute / 60): a percentile finds its hour here, then
 * reads the minutes of that hour only (decision 34).
 */
export const summaryCaseReviewHours = sqliteTable(
  'summary_case_review_hours',
  {
    ...keys,
    hour: integer('hour').notNull(),
    kind: text('kind').notNull(),
    afterContact: integer('after_contact').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.dim, t.g, t.k, t.t, t.hour, t.kind, t.afterContact, t.reengaged],
    }),
  ],
)

/** The votes cast on the cases the committee decided, per member. */
export const summaryCaseVotes = sqliteTable(
  'summary_case_votes',
  {
    ...keys,
    memberId: integer('member_id').notNull(),
    kind: text('kind').notNull(),
    afterContact: integer('after_contact').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.dim, t.g, t.k, t.t, t.memberId, t.kind, t.afterContact, t.reengaged],
    }),
  ],
)

/** The criteria the committee's decisions departed from the definition on. */
export const summaryCaseDepartures = sqliteTable(
  'summary_case_departures',
  {
    ...keys,
    criterion: text('criterion').notNull(),
    kind: text('kind').notNull(),
    afterContact: integer('after_contact').notNull(),
    reengaged: integer('reengaged').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.dim, t.g, t.k, t.t, t.criterion, t.kind, t.afterContact, t.reengaged],
    }),
  ],
)
