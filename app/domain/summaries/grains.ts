// The two grains the sources and hindsight summaries (decision 34) are kept at. A report's
// periods are always whole weeks or whole months (a quarter is three months: periods.ts), in the
// organisation's calendar, so a row is counted once per week and once per month of its local
// day, and a report reads one row per period and value instead of one per day. Weeks and months
// are named by their first local day (days since 1970-01-01). The SQL is written as text, since
// the same expressions are written out in the triggers of the migration.
import { DAY_MS, localDayOf, type Offset } from './calendar'

export const GRAINS = ['w', 'm'] as const
export type Grain = (typeof GRAINS)[number]

/** The local day of the instant `at` (SQL over `local_offsets`), as localDaySql writes it. */
export function localDayText(at: string): string {
  const local = `(CAST(${at} AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= ${at} ORDER BY o.from_at DESC LIMIT 1))`
  return `(${local} / ${DAY_MS} - (${local} % ${DAY_MS} < 0))`
}

/** The first day of the week (Monday; 1970-01-01 was a Thursday) or month holding `day`. */
export function periodOfText(grain: string, day: string): string {
  return `(CASE ${grain} WHEN 'w' THEN ${day} - ((${day} % 7 + 10) % 7)
    ELSE unixepoch(${day} * 86400, 'unixepoch', 'start of month') / 86400 END)`
}

/** Both grains, as a table `g(grain)` to cross join. */
export const GRAINS_TABLE = `(SELECT 'w' AS grain UNION ALL SELECT 'm')`

/**
 * Text and integer values as summary keys: a NULL source or campaign is kept as the empty blob,
 * which equals no text (a primary key cannot hold NULL), and read back as NULL.
 */
export const keyText = (expr: string) => `ifnull(${expr}, x'')`
export const fromKeyText = (column: string) => `nullif(${column}, x'')`

/**
 * The grain a report's periods read, its first and last days, and the index of the period each
 * week or month falls in: `spans` are the report's periods (periodsBetween), whole weeks for
 * week periods and whole months otherwise, each starting at a local midnight.
 */
export function grainOf(
  period: 'week' | 'month' | 'quarter',
  spans: readonly { start: number; end: number }[],
  offsets: readonly Offset[],
) {
  const starts = spans.map((span) => localDayOf(span.start, offsets))
  const last = spans.at(-1)
  return {
    grain: (period === 'week' ? 'w' : 'm') as Grain,
    from: starts[0] ?? 0,
    to: last ? localDayOf(last.end, offsets) : 0,
    /** The period (index of spans) a week or month, by its first day, belongs to. */
    indexOf(bucket: number) {
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((starts[mid] as number) <= bucket) lo = mid
        else hi = mid - 1
      }
      return lo
    },
  }
}
