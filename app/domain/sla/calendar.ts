// The organisation's working calendar (decision 46): which days of the week are working days,
// the hours of a working day, the public holidays, and the time zone they are all read in. SLA
// clocks count only this working time. Read once per request or use case (`getWorkingCalendar`)
// and passed to the clock functions, which are pure.

/** Minutes since local midnight: 09:30 is 570; the end of the day is 1440. */
export type Minutes = number

export type WorkingCalendar = {
  timeZone: string
  /** ISO weekdays that are working days: 1 Monday … 7 Sunday. */
  days: readonly number[]
  /** When a working day starts and ends, local time. */
  start: Minutes
  end: Minutes
  /** Public holidays, as YYYY-MM-DD calendar dates in the zone: no working time at all. */
  holidays: readonly string[]
}

export const MINUTES_PER_DAY = 24 * 60

/** The calendar while an organisation has set none: 09:00–17:00, Monday to Friday. */
export const DEFAULT_WORKING_HOURS = {
  days: [1, 2, 3, 4, 5],
  start: 9 * 60,
  end: 17 * 60,
  holidays: [],
} as const satisfies Omit<WorkingCalendar, 'timeZone'>

/** The working hours in one working day (8 for 09:00–17:00). */
export function hoursPerWorkingDay(calendar: WorkingCalendar): number {
  return (calendar.end - calendar.start) / 60
}

/** "09:30" for 570 minutes; "24:00" for the end of the day. */
export function timeOfDay(minutes: Minutes): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** 570 for "09:30"; "24:00" is the end of the day; undefined for anything else. */
export function minutesOf(text: string): Minutes | undefined {
  const parts = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text)
  if (!parts) return undefined
  const minutes = Number(parts[1]) * 60 + Number(parts[2])
  return minutes > MINUTES_PER_DAY ? undefined : minutes
}

export const WEEKDAYS = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 7, name: 'Sunday' },
] as const
