// The SLA clock: working time between instants, where working time is every hour of Monday to
// Friday in the organisation's time zone (Saturdays and Sundays there do not count). Pure: it
// takes the instants and the IANA zone name, so tests control both.
//
// A working day runs from local midnight to the next local midnight, so a day on which the
// clocks change counts the 23 or 25 hours it really has, and an SLA that runs over a weekend
// daylight-saving change still ends at the same local time of day.
import { Temporal } from 'temporal-polyfill'

const MINUTE = 60_000
export const HOUR = 60 * MINUTE

type Zoned = Temporal.ZonedDateTime

const zoned = (at: number, timeZone: string): Zoned =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone)

const startOfNextDay = (day: Zoned): Zoned =>
  day.toPlainDate().add({ days: 1 }).toZonedDateTime(day.timeZoneId)

const isWeekend = (day: Zoned) => day.dayOfWeek >= 6

type Day = { next: number; weekend: boolean }

// Local days, per time zone and quarter of an hour: every zone's midnight falls on a quarter
// hour, so all instants of a quarter hour share their day, and the clocks of a page, a sweep or
// a report (the same days again and again) are worked out with Temporal once per quarter hour.
const QUARTER_HOUR = 15 * MINUTE
const days = new Map<string, Day>()

/** The local day `at` falls in: when the next one starts, and whether it is a weekend day. */
function dayOf(at: number, timeZone: string): Day {
  const quarter = Math.floor(at / QUARTER_HOUR) * QUARTER_HOUR
  const key = `${timeZone}|${quarter}`
  const known = days.get(key)
  if (known) return known
  const local = zoned(quarter, timeZone)
  const day = { next: startOfNextDay(local).epochMilliseconds, weekend: isWeekend(local) }
  if (days.size >= 100_000) days.clear()
  days.set(key, day)
  return day
}

/** The instant `hours` working hours after `start`. */
export function addWorkingHours(start: Date, hours: number, timeZone: string): Date {
  let cursor = start.getTime()
  let remaining = Math.round(hours * HOUR)
  for (;;) {
    const day = dayOf(cursor, timeZone)
    if (!day.weekend) {
      const available = day.next - cursor
      if (remaining <= available) return new Date(cursor + remaining)
      remaining -= available
    }
    cursor = day.next
  }
}

/** Working milliseconds from `from` to `to`; negative when `to` is earlier. */
export function workingMsBetween(from: Date, to: Date, timeZone: string): number {
  if (to < from) return -workingMsBetween(to, from, timeZone)
  const end = to.getTime()
  let cursor = from.getTime()
  let total = 0
  while (cursor < end) {
    const day = dayOf(cursor, timeZone)
    if (!day.weekend) total += Math.min(day.next, end) - cursor
    cursor = day.next
  }
  return total
}

/** The first instant of the local day after the one `now` falls in (where "due today" ends). */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  return new Date(startOfNextDay(zoned(now.getTime(), timeZone)).epochMilliseconds)
}

/** "3 h 20 min", "45 min", "52 h", "26 working days": a span of working time as people read it. */
export function formatWorkingTime(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours >= 72) return `${Math.floor(hours / 24)} working days`
  if (hours === 0) return `${rest} min`
  if (hours >= 10 || rest === 0) return `${hours} h`
  return `${hours} h ${rest} min`
}

type Clock = { overdue: boolean; workingMs: number; label: string }

/** Where a clock due at `due` stands at `now`: time left, or overdue by how much. */
export function clockAt(now: Date, due: Date, timeZone: string): Clock {
  const workingMs = workingMsBetween(now, due, timeZone)
  const overdue = due <= now
  return {
    overdue,
    workingMs,
    label: overdue
      ? workingMs === 0
        ? 'Overdue'
        : `Overdue by ${formatWorkingTime(workingMs)}`
      : `${formatWorkingTime(workingMs)} left`,
  }
}

/** The instant a local date and time ("2026-11-20T17:00", as a datetime-local field sends it) names. */
export function instantOfLocal(local: string, timeZone: string): Date {
  return new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds)
}

/** An instant as a datetime-local value in the time zone. */
export function localOfInstant(at: Date, timeZone: string): string {
  return zoned(at.getTime(), timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' })
}

/** A calendar date as YYYY-MM-DD, or undefined when there is no such day (2026-02-31). */
export function calendarDate(value: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' })
  } catch {
    return undefined
  }
}

/** Today's calendar date in the time zone, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return zoned(at.getTime(), timeZone).toPlainDate().toString()
}

/** The instant `months` calendar months before `at`, in the time zone. */
export function monthsBefore(at: Date, months: number, timeZone: string): Date {
  return new Date(zoned(at.getTime(), timeZone).subtract({ months }).epochMilliseconds)
}
