// The organisation's calendar for the report summaries (decision 34): an instant's local day,
// worked out in TypeScript from the time zone's UTC offsets (Temporal's transitions), and kept
// in `local_offsets` so that the triggers that keep the summaries place each row on its day.
// Days are counted from 1970-01-01 (day 0) in the local calendar. Pure.
import { type SQL, sql } from 'drizzle-orm'
import { Temporal } from 'temporal-polyfill'

export const DAY_MS = 86_400_000

/** From `fromAt` (ms) on, local time is UTC plus `offsetMs`, until the next offset's `fromAt`. */
export type Offset = { fromAt: number; offsetMs: number }

/** The first instant of the calendar's offsets: every earlier instant has the first offset. */
export const CALENDAR_START = Date.UTC(1970, 0, 1)
/** The last transition looked for: later instants keep the offset in force then. */
const CALENDAR_END = Date.UTC(2101, 0, 1)

const nsToMs = (ns: bigint) => Number(ns / 1_000_000n)

const known = new Map<string, Offset[]>()

/**
 * The zone's offsets from 1970 to 2100: its offset at 1970 from the beginning of time, then one
 * row per transition (two a year where clocks change, one in all for UTC). Worked out once per
 * zone and process (about 50 ms for a zone with summer time).
 */
export function offsetsOf(timeZone: string): Offset[] {
  let offsets = known.get(timeZone)
  if (!offsets) {
    offsets = transitionsOf(timeZone)
    known.set(timeZone, offsets)
  }
  return offsets
}

function transitionsOf(timeZone: string): Offset[] {
  let at = Temporal.Instant.fromEpochMilliseconds(CALENDAR_START).toZonedDateTimeISO(timeZone)
  const offsets: Offset[] = [
    { fromAt: -8_640_000_000_000_000, offsetMs: nsToMs(BigInt(at.offsetNanoseconds)) },
  ]
  for (;;) {
    const next = at.getTimeZoneTransition('next')
    if (!next || next.epochMilliseconds >= CALENDAR_END) break
    const offsetMs = nsToMs(BigInt(next.offsetNanoseconds))
    if (offsetMs !== offsets.at(-1)?.offsetMs)
      offsets.push({ fromAt: next.epochMilliseconds, offsetMs })
    at = next
  }
  return offsets
}

/** The day of an instant under `offsets` (sorted by `fromAt`): floor((at + offset) / 1 day). */
export function localDayOf(at: number, offsets: readonly Offset[]): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((offsets[mid] as Offset).fromAt <= at) lo = mid
    else hi = mid - 1
  }
  return Math.floor((at + (offsets[lo] as Offset).offsetMs) / DAY_MS)
}

/** The day number of a calendar date (YYYY-MM-DD): 1970-01-01 is 0. */
export const dayOfDate = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
  DAY_MS

/** The calendar date (YYYY-MM-DD) of a day number. */
export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/**
 * An instant's local day in SQL, read from `local_offsets`: what the triggers compute (the same
 * expression is written out in their migrations) and what a rebuild groups by.
 */
export function localDaySql(at: SQL): SQL {
  const local = sql`(CAST(${at} AS INTEGER) + (SELECT o.offset_ms FROM local_offsets o
    WHERE o.from_at <= ${at} ORDER BY o.from_at DESC LIMIT 1))`
  // Integer division truncates towards zero: one less for an instant before 1970 (local).
  const day = sql.raw(String(DAY_MS))
  return sql`(${local} / ${day} - (${local} % ${day} < 0))`
}
