// Public holidays from an iCalendar file (decision 46): each event's days, recurring events
// expanded over the years ahead. The size is checked before the file is parsed; a file that is
// not iCalendar is refused with a message for the form's field.
import ICAL from 'ical.js'
import { Temporal } from 'temporal-polyfill'
import { type Holiday, MAX_ICS_BYTES } from './working-hours'

export { MAX_ICS_BYTES }

/** Recurring events are expanded up to this many years after the year of `now`. */
const YEARS_AHEAD = 2
/** An event longer than this is not a holiday (a term, a season): only its first days count. */
const LONGEST_HOLIDAY_DAYS = 14
const MOST_OCCURRENCES = 1000

export type IcsResult = { ok: true; holidays: Holiday[] } | { ok: false; error: string }

const refusal = (error: string): IcsResult => ({ ok: false, error })

/** Whether a file this size may be read at all (checked before its text is read). */
export function icsSizeError(bytes: number): string | null {
  if (bytes === 0) return 'Choose an iCalendar (.ics) file'
  return bytes > MAX_ICS_BYTES
    ? `The file is larger than ${MAX_ICS_BYTES / 1024} KB; a holiday calendar is far smaller`
    : null
}

type Time = InstanceType<typeof ICAL.Time>

const plainDate = (t: Time) => Temporal.PlainDate.from({ year: t.year, month: t.month, day: t.day })

/** The holidays an iCalendar text names from `now`'s year on, by date. */
export function holidaysFromIcs(text: string, now: Date): IcsResult {
  const sizeError = icsSizeError(new TextEncoder().encode(text).length)
  if (sizeError) return refusal(sizeError)
  let root: InstanceType<typeof ICAL.Component>
  try {
    root = new ICAL.Component(ICAL.parse(text))
  } catch {
    return refusal('The file is not an iCalendar (.ics) file: it could not be read')
  }
  if (root.name !== 'vcalendar') return refusal('The file is not an iCalendar (.ics) calendar')
  const firstYear = now.getUTCFullYear()
  const lastYear = firstYear + YEARS_AHEAD
  const byDate = new Map<string, Holiday>()
  try {
    for (const component of root.getAllSubcomponents('vevent')) {
      const event = new ICAL.Event(component)
      const name = (event.summary ?? '').trim().slice(0, 120)
      const days = Math.max(
        1,
        Math.min(
          LONGEST_HOLIDAY_DAYS,
          event.duration ? Math.ceil(event.duration.toSeconds() / 86_400) : 1,
        ),
      )
      const add = (start: Time) => {
        for (let d = 0; d < days; d++) {
          const date = plainDate(start).add({ days: d })
          if (date.year < firstYear || date.year > lastYear) continue
          byDate.set(date.toString(), { date: date.toString(), name })
        }
      }
      if (!event.isRecurring()) {
        add(event.startDate)
        continue
      }
      const occurrences = event.iterator()
      for (let n = 0; n < MOST_OCCURRENCES; n++) {
        const next = occurrences.next()
        if (!next || next.year > lastYear) break
        add(next)
      }
    }
  } catch {
    return refusal('The file’s events could not be read: check their dates and rules')
  }
  if (byDate.size === 0) return refusal('The file has no events from this year on')
  return { ok: true, holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) }
}
