// Periods in the organisation's calendar: weeks start on Monday, months and quarters on their
// first day, each from local midnight. Pure, so tests pin exact boundaries.
import { sql } from 'drizzle-orm'
import { Temporal } from 'temporal-polyfill'
import { type Result, refuse } from '~/domain/result'
import { calendarDate } from '~/domain/sla/clock'
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

/** The widest range a report covers: `to` at most this many years after `from`. */
export const MAX_RANGE_YEARS = 5
/**
 * The most periods a report has. Months (at most 61 in five years) and quarters (21) never reach
 * it; weeks do, from about four years and eleven months (five years touch up to 262 weeks).
 */
export const MAX_PERIODS = 260

/** The index of the period holding `date`, counted in periods from year 0. */
function periodIndex(date: Temporal.PlainDate, period: Period): number {
  if (period === 'month') return date.year * 12 + date.month - 1
  if (period === 'quarter') return date.year * 4 + Math.floor((date.month - 1) / 3)
  // Whole weeks from a Monday long ago (0001-01-01 was a Monday) to the week's Monday.
  const monday = startOf(date, 'week')
  return Temporal.PlainDate.from('0001-01-01').until(monday, { largestUnit: 'days' }).days / 7
}

/** How many periods the calendar dates from `from` to `to` (inclusive) touch. */
export function periodCount(from: string, to: string, period: Period): number {
  const first = periodIndex(Temporal.PlainDate.from(from), period)
  return periodIndex(Temporal.PlainDate.from(to), period) - first + 1
}

/** The periods that cover the calendar dates from `from` to `to` (inclusive). */
export function periodsBetween(
  from: string,
  to: string,
  period: Period,
  timeZone: string,
): PeriodSpan[] {
  const last = Temporal.PlainDate.from(to)
  // reportRange refuses wider ranges at the edge; this keeps any other caller bounded too.
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(from), last) <= 0) {
    const count = periodCount(from, to, period)
    if (count > MAX_PERIODS) throw new RangeError(`${count} periods; at most ${MAX_PERIODS}`)
  }
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

const PERIOD_NAMES: Record<Period, { one: string; many: string }> = {
  week: { one: 'weekly', many: 'weeks' },
  month: { one: 'monthly', many: 'months' },
  quarter: { one: 'quarterly', many: 'quarters' },
}

/**
 * A report's date range from what the URL asked: `from` and `to` (YYYY-MM-DD, either absent for
 * the default range ending `today`) and the period. Refused, naming the field: a day that does
 * not exist, `from` after `to`, more than MAX_RANGE_YEARS, more than MAX_PERIODS periods. A
 * refusal about the range as a whole names `to` when the URL gave it, else `from`.
 */
export function reportRange(
  asked: { from?: string | undefined; to?: string | undefined; period: Period },
  today: string,
): Result<{ range: { from: string; to: string } }> {
  for (const field of ['from', 'to'] as const) {
    const value = asked[field]
    if (value !== undefined && !calendarDate(value))
      return refuse(`${value} is not a date in the calendar`, field)
  }
  const fallback = defaultRange(today)
  const from = Temporal.PlainDate.from(asked.from ?? fallback.from)
  const to = Temporal.PlainDate.from(asked.to ?? fallback.to)
  const field = asked.to !== undefined ? 'to' : 'from'
  if (Temporal.PlainDate.compare(from, to) > 0) {
    return field === 'to'
      ? refuse(`must be on or after from (${from})`, 'to')
      : refuse(`must be on or before to (${to})`, 'from')
  }
  const latest = from.add({ years: MAX_RANGE_YEARS })
  if (Temporal.PlainDate.compare(to, latest) > 0) {
    return field === 'to'
      ? refuse(`must be at most ${MAX_RANGE_YEARS} years after from, on or before ${latest}`, 'to')
      : refuse(
          `must be at most ${MAX_RANGE_YEARS} years before to, on or after ${to.subtract({ years: MAX_RANGE_YEARS })}`,
          'from',
        )
  }
  const count = periodCount(from.toString(), to.toString(), asked.period)
  if (count > MAX_PERIODS) {
    const names = PERIOD_NAMES[asked.period]
    return refuse(
      `a ${names.one} report shows at most ${MAX_PERIODS} ${names.many}, and ${from} to ${to} spans ${count}: choose a longer period or a shorter range`,
      'period',
    )
  }
  return { ok: true, range: { from: from.toString(), to: to.toString() } }
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
