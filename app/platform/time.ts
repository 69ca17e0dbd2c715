// Dates and times as people read them: the one place the app turns an instant or a calendar date
// into words for a page, a notification or an e-mail (decision 38), through Intl in the
// organisation's locale and time zone. Machines get ISO 8601 (the API, webhooks, CSV cells).
// Building an Intl.DateTimeFormat costs far more than formatting with one (tens of µs, and a
// list page formats hundreds of dates), so each formatter is built once per time zone.
import { LOCALE } from './locale'

type Style = 'dateTime' | 'date' | 'weekdayTime' | 'weekdayDateTime'

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  weekdayTime: { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  weekdayDateTime: {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  },
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(style: Style, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`
  let built = formatters.get(key)
  if (!built) {
    built = new Intl.DateTimeFormat(LOCALE, { ...OPTIONS[style], timeZone })
    formatters.set(key, built)
  }
  return built
}

/** An instant as people in the organisation's time zone read it: "22 Nov 2026, 09:05 GMT". */
export function formatDateTime(at: Date | number, timeZone: string): string {
  return formatter('dateTime', timeZone).format(at)
}

/** The day an instant falls on in the organisation's time zone: "22 Nov 2026". */
export function formatDate(at: Date | number, timeZone: string): string {
  return formatter('date', timeZone).format(at)
}

const WEEK = 6 * 24 * 3_600_000

/**
 * When a clock is due, as people in the zone read it: "Tue 09:30" within the coming six days,
 * else "Tue 8 Dec, 09:30" (decision 46).
 */
export function formatDueTime(due: Date | number, now: Date | number, timeZone: string): string {
  const near = Math.abs(Number(due) - Number(now)) < WEEK
  return formatter(near ? 'weekdayTime' : 'weekdayDateTime', timeZone).format(due)
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A calendar date held as `YYYY-MM-DD` (an outcome's day, a report's range), which belongs to no
 * time zone: "18 Nov 2026". Anything else is returned as it is.
 */
export function formatCalendarDate(date: string): string {
  const parts = CALENDAR_DATE.exec(date)
  if (!parts) return date
  return formatDate(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])), 'UTC')
}

/** An instant held as ISO 8601 text (an audit entry's value) as people read it, else null. */
export function formatIsoText(text: string, timeZone: string): string | null {
  if (CALENDAR_DATE.test(text)) return formatCalendarDate(text)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : formatDateTime(at, timeZone)
}
