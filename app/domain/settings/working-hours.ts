// The organisation's working hours, working days and public holidays (decision 46), as stored
// under one settings key and as the Settings page sends them. The SLA clocks read them as a
// `WorkingCalendar` with the organisation's time zone.
import { z } from 'zod'
import { DEFAULT_WORKING_HOURS, minutesOf, timeOfDay, WEEKDAYS } from '~/domain/sla/calendar'
import { calendarDate } from '~/domain/sla/clock'

export type Holiday = { date: string; name: string }

/** The working hours as stored: times as "HH:MM" (the end may be "24:00"), holidays by date. */
export type WorkingHours = {
  days: number[]
  start: string
  end: string
  holidays: Holiday[]
}

export const WORKING_HOURS_DEFAULTS: WorkingHours = {
  days: [...DEFAULT_WORKING_HOURS.days],
  start: timeOfDay(DEFAULT_WORKING_HOURS.start),
  end: timeOfDay(DEFAULT_WORKING_HOURS.end),
  holidays: [],
}

/** The largest calendar file read (a country's holidays for years are a few kilobytes). */
export const MAX_ICS_BYTES = 256 * 1024

/** At most this many holidays are kept (a few years of any country's public holidays). */
export const MAX_HOLIDAYS = 400

const time = (what: string) =>
  z
    .string({ error: `Enter the ${what} as HH:MM` })
    .trim()
    .refine((t) => minutesOf(t) !== undefined, `Enter the ${what} as a time such as 09:00`)

const HolidaySchema = z.object({
  date: z.string().refine((d) => calendarDate(d) !== undefined),
  name: z.string().max(120),
})

/** The working hours as stored (also how a stored value is checked when it is read). */
export const StoredWorkingHoursSchema = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1),
    start: time('start'),
    end: time('end'),
    holidays: z.array(HolidaySchema).max(MAX_HOLIDAYS),
  })
  .refine((v) => (minutesOf(v.end) ?? 0) > (minutesOf(v.start) ?? 0))

const DAY_NUMBERS = WEEKDAYS.map((d) => String(d.day)) as [string, ...string[]]

/** "2026-12-25 Christmas Day": one holiday a line, its date then its name. */
export function holidaysText(holidays: readonly Holiday[]): string {
  return holidays.map((h) => `${h.date} ${h.name}`.trim()).join('\n')
}

/** The holidays of the text, in date order, one per date; an error names the first bad line. */
export function parseHolidays(text: string): { holidays: Holiday[] } | { error: string } {
  const byDate = new Map<string, Holiday>()
  const lines = text.split(/\r?\n/)
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim()
    if (!line) continue
    const [date = '', ...name] = line.split(/\s+/)
    if (!calendarDate(date))
      return {
        error: `Line ${i + 1}: “${date}” is not a date; start each line with one such as 2026-12-25`,
      }
    byDate.set(date, { date, name: name.join(' ').slice(0, 120) })
  }
  if (byDate.size > MAX_HOLIDAYS) return { error: `Keep ${MAX_HOLIDAYS} holidays or fewer` }
  return { holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) }
}

/** The Settings form: days ticked, start and end times, and the holidays one a line. */
export const WorkingHoursFormSchema = z
  .object({
    days: z
      .array(z.enum(DAY_NUMBERS, { error: 'Choose working days from Monday to Sunday' }), {
        error: 'Choose at least one working day',
      })
      .min(1, 'Choose at least one working day'),
    start: time('start'),
    end: time('end'),
    holidays: z.string().max(40_000, 'Keep the holidays under 40,000 characters').default(''),
  })
  .superRefine((v, ctx) => {
    const start = minutesOf(v.start)
    const end = minutesOf(v.end)
    if (start !== undefined && end !== undefined && end <= start)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'End the working day after it starts',
      })
    const parsed = parseHolidays(v.holidays)
    if ('error' in parsed)
      ctx.addIssue({ code: 'custom', path: ['holidays'], message: parsed.error })
  })
  .transform(
    (v): WorkingHours => ({
      days: [...new Set(v.days.map(Number))].sort(),
      start: v.start,
      end: v.end,
      holidays: parsed(v.holidays)?.holidays ?? [],
    }),
  )

function parsed(text: string) {
  const result = parseHolidays(text)
  return 'error' in result ? undefined : result
}

/** The import form: one iCalendar file, its size checked before anything reads it. */
export const HolidaysImportSchema = z.object({
  calendarFile: z
    .instanceof(File, { error: 'Choose an iCalendar (.ics) file' })
    .refine((f) => f.size > 0, 'Choose an iCalendar (.ics) file')
    .refine(
      (f) => f.size <= MAX_ICS_BYTES,
      `The file is larger than ${MAX_ICS_BYTES / 1024} KB; a holiday calendar is far smaller`,
    ),
})
