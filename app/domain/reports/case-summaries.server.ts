// The case reports read from the `cases` summary family (decision 34; tables in
// db/schema/summaries-cases.ts, kept by app/domain/summaries/cases.server.ts) instead of the
// year's cases: rejection accuracy, verdicts, the review section of the SLA report and the
// scorecard's rulings. A report reads them when the family is complete for the organisation's
// time zone and its filters name at most one of rep, reason, source and campaign (the one it
// is broken down by, for accuracy); otherwise it reads the raw rows, as before (its SQL is the
// fallback during a rebuild and the oracle of the tests).
import { type SQL, sql } from 'drizzle-orm'
import { dateOfDay, localDayOf, offsetsOf } from '~/domain/summaries/calendar'
import { CASES_FAMILY, type CaseDim } from '~/domain/summaries/cases.server'
import { summariesComplete } from '~/domain/summaries/state.server'
import type { Queryable } from '~db/connection'
import { distinctKeys, integerValues } from './cells.server'
import type { Breakdown, Period, ReportQuery } from './query'
import { bumpIn, hoursOfRanks, minuteOfRank, minutesOf } from './ranks'

/** Which rows of the summaries answer a query: a dimension, and its one key or every key. */
export type CaseSlice = { dim: CaseDim; k: string | undefined }

const FILTERS = [
  ['rep', 'repId'],
  ['reason', 'reasonId'],
  ['source', 'source'],
  ['campaign', 'campaign'],
] as const

/**
 * The slice of the summaries that answers `query` broken down by `by` (or not broken down), or
 * null when it filters on two dimensions, or on one other than `by`: the raw rows answer it.
 * `ignore` leaves filters out (the scorecard's rulings do not take the reason filter).
 */
export function caseSlice(
  query: ReportQuery,
  by?: Breakdown,
  ignore: readonly (keyof ReportQuery)[] = [],
): CaseSlice | null {
  const filtered = FILTERS.filter(([, field]) => !ignore.includes(field) && query[field])
  if (filtered.length > 1) return null
  const [only] = filtered
  if (by !== undefined) {
    if (only && only[0] !== by) return null
    return { dim: by, k: only ? String(query[only[1]]) : undefined }
  }
  return only ? { dim: only[0], k: String(query[only[1]]) } : { dim: 'all', k: '' }
}

/** Whether the case summaries hold every case and vote for `timeZone`. */
export const casesSummarised = (db: Queryable, timeZone: string) =>
  summariesComplete(db, CASES_FAMILY, timeZone)

/** A month's number in the summaries: year × 12 + month − 1. */
const monthOf = (day: number) => {
  const date = dateOfDay(day)
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
}

/**
 * The summaries' grain for `period` and, for each of the periods (by their first instants),
 * the grain's units it is made of: a week is one week, a month one month, a quarter three.
 */
export function periodUnits(
  period: Period,
  spans: readonly { start: number }[],
  timeZone: string,
): { g: 'w' | 'm'; lo: number; hi: number; periodOf: Map<number, number> } {
  const offsets = offsetsOf(timeZone)
  const periodOf = new Map<number, number>()
  spans.forEach((span, i) => {
    const day = localDayOf(span.start, offsets)
    if (period === 'week') periodOf.set(Math.floor((day + 3) / 7), i)
    else for (let m = 0; m < (period === 'quarter' ? 3 : 1); m++) periodOf.set(monthOf(day) + m, i)
  })
  const units = [...periodOf.keys()]
  return {
    g: period === 'week' ? 'w' : 'm',
    lo: Math.min(...units),
    hi: Math.max(...units),
    periodOf,
  }
}

/** The stage and hand-over filters (and, on the counts, imported history) on a summary `s`. */
function smallFilters(query: ReportQuery, history: boolean): SQL {
  const stage =
    query.stage === 'before_contact'
      ? sql` AND s.kind = 'rejected' AND s.after_contact = 0`
      : query.stage === 'after_contact'
        ? sql` AND s.kind = 'rejected' AND s.after_contact = 1`
        : query.stage === 'ignored'
          ? sql` AND s.kind = 'ignored'`
          : sql``
  const handOver = query.handOver
    ? sql` AND s.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}`
    : sql``
  const hidden = history && query.history === 'hidden' ? sql` AND s.imported = 0` : sql``
  return sql`${stage}${handOver}${hidden}`
}

/**
 * The rows of the summary `table` in the slice and units, as `FROM … WHERE …`: with every key
 * of the dimension, one seek per key (a loose scan of the keys, as cells.server.ts does).
 */
function sliceRows(
  table: string,
  slice: CaseSlice,
  units: { g: 'w' | 'm'; lo: number; hi: number },
  filters: SQL,
): { keys: SQL; rows: SQL } {
  const t = sql.identifier(table)
  const base = sql`s.dim = ${slice.dim} AND s.g = ${units.g}`
  const keys =
    slice.k === undefined
      ? sql`WITH RECURSIVE ${distinctKeys(sql`${t} s`, sql`s.k`, base)}`
      : sql`WITH keys(k) AS (VALUES (${slice.k}))`
  return {
    keys,
    rows: sql`FROM keys CROSS JOIN ${t} s
      WHERE ${base} AND s.k = keys.k AND s.t >= ${units.lo} AND s.t <= ${units.hi} ${filters}`,
  }
}

export type CaseCounts = {
  n: number
  ruled: number
  upheld: number
  overturned: number
  open: number
  decided: number
  conceded: number
  meets: number
  disqualified: number
  nurture: number
  agree: number
  unanimous: number
  split: number
  byChair: number
  reviewDecided: number
  reviewInTime: number
}
export type CaseCountsRow = CaseCounts & {
  k: string
  t: number
  kind: 'rejected' | 'ignored'
  afterContact: number
  imported: number
}

/** The counts of the slice per key, unit, kind, stage and imported history. */
export function caseCounts(
  db: Queryable,
  query: ReportQuery,
  slice: CaseSlice,
  units: { g: 'w' | 'm'; lo: number; hi: number },
  kinds: readonly string[] = ['rejected', 'ignored'],
): CaseCountsRow[] {
  const kindFilter = kinds.length === 1 ? sql` AND s.kind = ${kinds[0]}` : sql``
  const { keys, rows } = sliceRows(
    'summary_case_counts',
    slice,
    units,
    sql`${smallFilters(query, true)}${kindFilter}`,
  )
  return db.all<CaseCountsRow>(sql`${keys}
    SELECT s.k AS k, s.t AS t, s.kind AS kind, s.after_contact AS afterContact,
      s.imported AS imported, sum(s.n) AS n, sum(s.ruled) AS ruled, sum(s.upheld) AS upheld,
      sum(s.overturned) AS overturned, sum(s.open) AS open, sum(s.decided) AS decided,
      sum(s.conceded) AS conceded, sum(s.meets) AS meets, sum(s.disqualified) AS disqualified,
      sum(s.nurture) AS nurture, sum(s.agree) AS agree, sum(s.unanimous) AS unanimous,
      sum(s.split) AS split, sum(s.by_chair) AS byChair, sum(s.review_decided) AS reviewDecided,
      sum(s.review_in_time) AS reviewInTime
    ${rows}
    GROUP BY s.k, s.t, s.kind, s.after_contact, s.imported`)
}

/**
 * The rejections of the slice per key over the units lo to hi (whole periods: every unit
 * between is one of them): ruled, upheld, and opened after contact; the scorecard's rulings.
 * Three sums of one range per key, where `caseCounts` sums sixteen per unit and stage.
 */
export function caseRulings(
  db: Queryable,
  query: ReportQuery,
  slice: CaseSlice,
  units: { g: 'w' | 'm'; lo: number; hi: number },
): { k: string; ruled: number; upheld: number; afterContact: number }[] {
  const { keys, rows } = sliceRows(
    'summary_case_counts',
    slice,
    units,
    sql`${smallFilters(query, true)} AND s.kind = 'rejected'`,
  )
  return db.all(sql`${keys}
    SELECT s.k AS k, sum(s.ruled) AS ruled, sum(s.upheld) AS upheld,
      ifnull(sum(s.n) FILTER (WHERE s.after_contact = 1), 0) AS afterContact
    ${rows}
    GROUP BY s.k`)
}

/**
 * Nearest-rank percentiles (as `percentiles` in cells.server.ts: the median at rank ceil(n/2),
 * the 90th percentile at ceil(0.9 n)) of the review working times, in whole minutes, of each
 * period: the hour of each rank from the hours' histogram, then its minute from the minutes of
 * that hour only (ranks.ts). A month at a million leads holds thousands of distinct minutes but
 * only a few dozen hours. Under 'all' only (see the family).
 */
export function reviewPercentiles(
  db: Queryable,
  query: ReportQuery,
  units: { g: 'w' | 'm'; periodOf: Map<number, number> },
): Map<number, { medianMs: number; p90Ms: number }> {
  const filters = smallFilters(query, false)
  const hours = new Map<number, Map<number, number>>()
  for (const row of db.all<{ i: number; hour: number; n: number }>(sql`
    WITH units(t, i) AS (VALUES ${integerValues([...units.periodOf])})
    SELECT u.i AS i, s.hour AS hour, sum(s.n) AS n
    FROM units u CROSS JOIN summary_case_review_hours s
    WHERE s.dim = 'all' AND s.g = ${units.g} AND s.k = '' AND s.t = u.t ${filters}
    GROUP BY u.i, s.hour`))
    bumpIn(hours, row.i, row.hour, row.n)
  const found = new Map([...hours].map(([i, histogram]) => [i, hoursOfRanks(histogram)]))
  // The minutes of each period's rank hours, from each of the period's units.
  const wanted: number[][] = []
  for (const [t, i] of units.periodOf)
    for (const hour of new Set(Object.values(found.get(i) ?? {}).map((at) => at.hour)))
      wanted.push([t, i, ...minutesOf(hour)])
  const minutes = new Map<number, Map<number, number>>()
  if (wanted.length > 0)
    for (const row of db.all<{ i: number; minute: number; n: number }>(sql`
      WITH w(t, i, lo, hi) AS (VALUES ${integerValues(wanted)})
      SELECT w.i AS i, s.minute AS minute, sum(s.n) AS n
      FROM w CROSS JOIN summary_case_review_minutes s
      WHERE s.dim = 'all' AND s.g = ${units.g} AND s.k = '' AND s.t = w.t
        AND s.minute >= w.lo AND s.minute <= w.hi ${filters}
      GROUP BY w.i, s.minute`))
      bumpIn(minutes, row.i, row.minute, row.n)
  const result = new Map<number, { medianMs: number; p90Ms: number }>()
  for (const [i, at] of found) {
    const median = at.medianMs && minuteOfRank(minutes.get(i) ?? new Map(), at.medianMs)
    const p90 = at.p90Ms && minuteOfRank(minutes.get(i) ?? new Map(), at.p90Ms)
    if (typeof median === 'number' && typeof p90 === 'number')
      result.set(i, { medianMs: median * 60_000, p90Ms: p90 * 60_000 })
  }
  return result
}

/** Votes on the decided cases of the slice, per member. */
export function votesPerMember(
  db: Queryable,
  query: ReportQuery,
  slice: CaseSlice,
  units: { g: 'w' | 'm'; lo: number; hi: number },
): Map<number, number> {
  const { keys, rows } = sliceRows('summary_case_votes', slice, units, smallFilters(query, false))
  return new Map(
    db
      .all<{ id: number; n: number }>(sql`${keys}
        SELECT s.member_id AS id, sum(s.n) AS n ${rows} GROUP BY s.member_id`)
      .map((row) => [row.id, row.n]),
  )
}

/** The departures of the decided cases of the slice, per criterion: most first, then by key. */
export function departuresPerCriterion(
  db: Queryable,
  query: ReportQuery,
  slice: CaseSlice,
  units: { g: 'w' | 'm'; lo: number; hi: number },
): { key: string; n: number }[] {
  const { keys, rows } = sliceRows(
    'summary_case_departures',
    slice,
    units,
    smallFilters(query, false),
  )
  return db.all(sql`${keys}
    SELECT s.criterion AS key, sum(s.n) AS n ${rows}
    GROUP BY s.criterion HAVING sum(s.n) > 0 ORDER BY n DESC, key`)
}
