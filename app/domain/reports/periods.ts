// Periods in the organisation's calendar: weeks start on Monday, months and quarters on their
// first day, each from local midnight. Pure, so tests pin exact boundaries.
import { sql } from 'drizzle-orm'
import { Temporal } from 'temporal-polyfill'
import type { Period } from './query'

type PeriodSpan = { label: string; start: number; end: number }

function startOf(date: Temporal.PlainDate, period: Period): Temporal.PlainDate {
  if (period === 'week') return date.subtract({ days: date.dayOfWeek - 1 })
  if (period === 'month') return date.with({ day: 1 })
  return date.with({ month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 })
}

function next(date: Temporal.PlainDate, period: Period): Temporal.PlainDate {
  if (period === 'week') return date.add({ weeks: 1 })
  if (period === 'month') return date.add({ months: 1 })
  return date.add({ months: 3 })
}

function labelOf(date: Temporal.PlainDate, period: Period): string {
  if (period === 'week') return `Week of ${date.toString()}`
  if (period === 'month') return date.toString().slice(0, 7)
  return `${date.year} Q${Math.floor((date.month - 1) / 3) + 1}`
}

/** The periods that cover the calendar dates from `from` to `to` (inclusive). */
export function periodsBetween(
  from: string,
  to: string,
  period: Period,
  timeZone: string,
): PeriodSpan[] {
  const last = Temporal.PlainDate.from(to)
  const spans: PeriodSpan[] = []
  for (
    let cursor = startOf(Temporal.PlainDate.from(from), period);
    Temporal.PlainDate.compare(cursor, last) <= 0;
    cursor = next(cursor, period)
  ) {
    spans.push({
      label: labelOf(cursor, period),
      start: cursor.toZonedDateTime(timeZone).epochMilliseconds,
      end: next(cursor, period).toZonedDateTime(timeZone).epochMilliseconds,
    })
  }
  return spans
}

/** The default range: the twelve months up to today, from the first of the month a year ago. */
export function defaultRange(today: string): { from: string; to: string } {
  const date = Temporal.PlainDate.from(today)
  return { from: date.subtract({ months: 11 }).with({ day: 1 }).toString(), to: today }
}

/**
 * The periods of a report: `periods` is the WITH table `periods(i, start, finish)` of their
 * index and instants, and `start` and `end` the range's first and last instants.
 */
export function periodTable(period: Period, range: { from: string; to: string }, timeZone: string) {
  const spans = periodsBetween(range.from, range.to, period, timeZone)
  const values = sql.join(
    spans.map((p, i) => sql`(${i}, ${p.start}, ${p.end})`),
    sql`, `,
  )
  return {
    spans,
    start: spans[0]?.start ?? 0,
    end: spans.at(-1)?.end ?? 0,
    periods: sql`periods(i, start, finish) AS (VALUES ${values})`,
  }
}
