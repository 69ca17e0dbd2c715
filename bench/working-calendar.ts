// The cost of the SLA clock over 30-day spans (decision 46): clockAt and addWorkingHours, in µs
// a call, for the working calendar (09:00–17:00 with holidays) and for whole weekdays (what
// every clock counted before). `npx tsx bench/working-calendar.ts [path to an older clock.ts]`:
// with a path, the older clock (which took a zone name) is timed the same way.
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, clockAt } from '~/domain/sla/clock'

const DAY = 86_400_000
const CALLS = 20_000
const ZONE = 'Europe/London'
const start = Date.parse('2026-01-05T00:00:00Z')
// Instants spread over a year, a few minutes apart, as a year of clocks would be.
const instants = Array.from(
  { length: CALLS },
  (_, i) => new Date(start + ((i * 7_919_000) % (365 * DAY))),
)

type Clock = {
  add: (at: Date, hours: number, calendar: never) => Date
  at: (now: Date, due: Date, calendar: never) => unknown
}

function time(name: string, run: (at: Date) => unknown) {
  for (const at of instants.slice(0, 2_000)) run(at) // warm up
  const began = performance.now()
  for (const at of instants) run(at)
  const us = ((performance.now() - began) * 1000) / CALLS
  console.log(`${name.padEnd(58)} ${us.toFixed(2)} µs`)
}

function bench(label: string, clock: Clock, calendar: unknown, hoursIn30Days: number) {
  const cal = calendar as never
  time(`${label}: addWorkingHours(30 days = ${hoursIn30Days} h)`, (at) =>
    clock.add(at, hoursIn30Days, cal),
  )
  time(`${label}: clockAt(now, now + 30 days)`, (at) =>
    clock.at(at, new Date(at.getTime() + 30 * DAY), cal),
  )
}

const holidays = [
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
]
const office: WorkingCalendar = { timeZone: ZONE, ...DEFAULT_WORKING_HOURS, holidays }
const allDay: WorkingCalendar = {
  timeZone: ZONE,
  days: [1, 2, 3, 4, 5],
  start: 0,
  end: 1440,
  holidays: [],
}
const now = { add: addWorkingHours, at: clockAt } as unknown as Clock
bench('after, 09:00–17:00 + holidays', now, office, 22 * 8)
bench('after, whole weekdays', now, allDay, 22 * 24)
const older = process.argv[2]
if (older) {
  const old = await import(pathToFileURL(older).href)
  bench('before (zone name)', { add: old.addWorkingHours, at: old.clockAt }, ZONE, 22 * 24)
}
