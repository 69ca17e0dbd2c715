// The SLA clock: working time between instants, where working time is the organisation's
// working calendar (decision 46): its working hours on its working days, in its time zone, less
// its public holidays. Pure: it takes the instants and the calendar, so tests control both.
//
// A working day's hours are local wall-clock times: on a day the clocks change the day still
// opens and closes at its local times, so an SLA that runs over a daylight-saving change ends at
// the local time of day people expect.
import { Temporal } from 'temporal-polyfill'
import { formatDueTime } from '~/platform/time'
import { hoursPerWorkingDay, MINUTES_PER_DAY, type WorkingCalendar } from './calendar'

const MINUTE = 60_000
export const HOUR = 60 * MINUTE

type Zoned = Temporal.ZonedDateTime

const zoned = (at: number, timeZone: string): Zoned =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone)

const startOfNextDay = (day: Zoned): Zoned =>
  day.toPlainDate().add({ days: 1 }).toZonedDateTime(day.timeZoneId)

/** A local day: when the next one starts, and its working hours (none on a day off). */
type Day = { next: number; open: number; close: number }

/** The instant a local day's wall-clock minute falls on (1440: the next day's midnight). */
function atMinute(date: Temporal.PlainDate, minutes: number, timeZone: string): number {
  if (minutes >= MINUTES_PER_DAY)
    return date.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds
  const time = Temporal.PlainTime.from({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
  return date.toZonedDateTime({ timeZone, plainTime: time }).epochMilliseconds
}

function workingDay(local: Zoned, calendar: WorkingCalendar): Day {
  const date = local.toPlainDate()
  const next = startOfNextDay(local).epochMilliseconds
  const works =
    calendar.days.includes(local.dayOfWeek) && !calendar.holidays.includes(date.toString())
  if (!works) return { next, open: next, close: next }
  return {
    next,
    open: atMinute(date, calendar.start, calendar.timeZone),
    close: atMinute(date, calendar.end, calendar.timeZone),
  }
}

// Local days, per calendar and quarter of an hour: every zone's midnight falls on a quarter
// hour, so all instants of a quarter hour share their day, and the clocks of a page, a sweep or
// a report (the same days again and again) are worked out with Temporal once per quarter hour.
// Calendars that are equal share their days; a calendar object finds its days without a key.
const QUARTER_HOUR = 15 * MINUTE
const byKey = new Map<string, Map<number, Day>>()
const byCalendar = new WeakMap<WorkingCalendar, Map<number, Day>>()

function daysOf(calendar: WorkingCalendar): Map<number, Day> {
  let known = byCalendar.get(calendar)
  if (known) return known
  const { timeZone, days, start, end, holidays } = calendar
  const key = JSON.stringify([timeZone, days, start, end, holidays])
  known = byKey.get(key)
  if (!known) {
    if (byKey.size >= 100) byKey.clear()
    known = new Map()
    byKey.set(key, known)
  }
  byCalendar.set(calendar, known)
  return known
}

/** The local day `at` falls in. */
function dayOf(at: number, calendar: WorkingCalendar): Day {
  const quarter = Math.floor(at / QUARTER_HOUR) * QUARTER_HOUR
  const days = daysOf(calendar)
  const known = days.get(quarter)
  if (known) return known
  const day = workingDay(zoned(quarter, calendar.timeZone), calendar)
  if (days.size >= 100_000) days.clear()
  days.set(quarter, day)
  return day
}

// A calendar with no working day at all (every day a holiday) would never end a clock: ten
// years without working time is a calendar that cannot be kept.
const LONGEST_SEARCH_DAYS = 3660

/** The instant `hours` working hours after `start`: always within working hours. */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  let cursor = start.getTime()
  let remaining = Math.round(hours * HOUR)
  for (let n = 0; n < LONGEST_SEARCH_DAYS; n++) {
    const day = dayOf(cursor, calendar)
    const from = Math.max(cursor, day.open)
    if (from < day.close) {
      const available = day.close - from
      if (remaining <= available) return new Date(from + remaining)
      remaining -= available
    }
    cursor = day.next
  }
  throw new Error('The working calendar has no working time in ten years')
}

/** Working milliseconds from `from` to `to`; negative when `to` is earlier. */
export function workingMsBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (to < from) return -workingMsBetween(to, from, calendar)
  const end = to.getTime()
  let cursor = from.getTime()
  let total = 0
  while (cursor < end) {
    const day = dayOf(cursor, calendar)
    total += Math.max(0, Math.min(day.close, end) - Math.max(day.open, cursor))
    cursor = day.next
  }
  return total
}

/** The first instant of the local day after the one `now` falls in (where "due today" ends). */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  return new Date(startOfNextDay(zoned(now.getTime(), timeZone)).epochMilliseconds)
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * A span of working time as people read it: "45 working minutes", "3 working hours 20 min",
 * "17 working hours", "6 working days" (past three of the calendar's working days).
 */
export function formatWorkingTime(ms: number, calendar: WorkingCalendar): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const perDay = hoursPerWorkingDay(calendar)
  if (hours >= 3 * perDay) return plural(Math.floor(hours / perDay), 'working day', 'working days')
  if (hours === 0) return plural(rest, 'working minute', 'working minutes')
  const whole = plural(hours, 'working hour', 'working hours')
  return hours >= 10 || rest === 0 ? whole : `${whole} ${rest} min`
}

type Clock = { overdue: boolean; workingMs: number; label: string; dueLabel: string }

/**
 * Where a clock due at `due` stands at `now`: working time left, or overdue by how much, and
 * when it is due ("17 working hours left", "due Tue 09:30").
 */
export function clockAt(now: Date, due: Date, calendar: WorkingCalendar): Clock {
  const workingMs = workingMsBetween(now, due, calendar)
  const overdue = due <= now
  return {
    overdue,
    workingMs,
    label: overdue
      ? workingMs === 0
        ? 'Overdue'
        : `Overdue by ${formatWorkingTime(workingMs, calendar)}`
      : `${formatWorkingTime(workingMs, calendar)} left`,
    dueLabel: `due ${formatDueTime(due, now, calendar.timeZone)}`,
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
