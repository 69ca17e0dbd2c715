// Dates as CRM exports write them: ISO 8601, HubSpot's `2021-04-15 00:03`, Zoho's
// `15 Apr, 2021 00:03:00`, Salesforce's `4/15/2021, 12:03 AM`, and numeric dates written day
// first or month first. Every calendar value is read by luxon's parsers with explicit formats;
// a shape test only picks which formats to try (and, for numeric dates, which order a value
// allows). Pure: no database, no clock, so the browser can use it too.
//
// Times without a zone or offset are read in the time zone given (the organisation's); a date
// without a time is midnight there. A local time that does not exist because the clocks went
// forward (01:30 on 28 March 2021 in London) is moved forward by the gap, as luxon does (02:30
// BST); one that happens twice because the clocks went back is read as the later of the two
// (01:30 on 31 October 2021 in London is 01:30 GMT).
import { DateTime, IANAZone } from 'luxon'

export const DATE_ORDERS = ['day-first', 'month-first'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  'day-first': 'Day first (03/04/2026 is 3 April 2026)',
  'month-first': 'Month first (03/04/2026 is 4 March 2026)',
}

type Failure = { ok: false; reason: string; needsOrder?: boolean }
type Reading = { ok: true; at: DateTime; format: string }

// Shapes. `d/m/yyyy`, `m/d/yyyy` (separators / . -, the same twice), then maybe a time.
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)(?=$|[\s,])/
// `2021-04-15…`, `2021/4/15…`: year first, which no export writes with the day before the month.
const YEAR_FIRST = /^\d{4}([/.-])\d{1,2}\1\d{1,2}(?=$|[T\s,])/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
// An offset after a time (`…00:03:00Z`, `…00:03+05:30`); a date's `-15` is not one.
const ENDS_WITH_OFFSET = /\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)$/i
const HAS_LETTER = /[a-z]/i

// The times that may follow a date: 24-hour or 12-hour, with or without seconds, after a
// space or a comma and a space.
const CLOCKS = ['H:mm', 'H:mm:ss', 'h:mm a', 'h:mm:ss a', 'h:mma', 'h:mm:ssa']
const TIMES = ['', ...CLOCKS.flatMap((clock) => [` ${clock}`, `, ${clock}`])]

type Parser = ReturnType<typeof DateTime.buildFormatParser>
const parsers = new Map<string, Parser>()

/** Luxon's parser for a format, built once per format and locale. */
function parserFor(format: string, locale: string): Parser {
  const key = `${locale}|${format}`
  let parser = parsers.get(key)
  if (!parser) {
    parser = DateTime.buildFormatParser(format, { locale })
    parsers.set(key, parser)
  }
  return parser
}

/** Every format of a date part followed by one of the times. */
const withTimes = (dates: string[]) => dates.flatMap((date) => TIMES.map((time) => date + time))

const DAY_FIRST_NAMED = withTimes(['d LLL, yyyy', 'd LLL yyyy', 'd LLLL, yyyy', 'd LLLL yyyy'])
const MONTH_FIRST_NAMED = withTimes(['LLL d, yyyy', 'LLLL d, yyyy', 'LLL d yyyy', 'LLLL d yyyy'])
const DASHED_NAMED = withTimes(['d-LLL-yyyy'])

const ZOHO = 'Zoho (15 Apr, 2021 00:03:00)'
const US_NAMED = 'US named month (Apr 15, 2021 12:03 AM)'

const spellOut = (at: DateTime) => at.setLocale('en-GB').toFormat('d LLLL yyyy')

const fail = (reason: string, needsOrder?: boolean): Failure =>
  needsOrder ? { ok: false, reason, needsOrder } : { ok: false, reason }

const notADate = (text: string) =>
  fail(
    `“${text}” is not a date in a format we read (such as 2021-04-15, 15/04/2021 or 15 Apr, 2021 00:03:00)`,
  )
const doesNotExist = (text: string, how = '') =>
  fail(`“${text}” does not exist as a date${how ? ` (${how})` : ''}`)

type Attempt = { format: string; parse: () => DateTime; key?: string }

/**
 * The format that last read a date of each list of attempts: a file writes its dates one way, so
 * it is tried first (each attempt that fails costs about as much as one that reads, 20–40 µs).
 */
const lastRead = new Map<string, string>()

/**
 * The first attempt that reads the text; when none does, whether one of them recognised the
 * shape but found a value out of range (a 30 February, a month 15): then the date does not exist.
 */
function firstReading(list: string, attempts: Attempt[]): Reading | 'out of range' | null {
  const known = lastRead.get(list)
  const first = known === undefined ? -1 : attempts.findIndex((a) => (a.key ?? a.format) === known)
  let outOfRange = false
  for (let i = first === -1 ? 0 : -1; i < attempts.length; i++) {
    if (i === first) continue
    const attempt = attempts[i === -1 ? first : i] as Attempt
    const at = attempt.parse()
    if (at.isValid) {
      if (lastRead.size > 1000) lastRead.clear()
      lastRead.set(list, attempt.key ?? attempt.format)
      return { ok: true, at, format: attempt.format }
    }
    if (at.invalidReason === 'unit out of range') outOfRange = true
  }
  return outOfRange ? 'out of range' : null
}

const formatAttempts = (
  text: string,
  formats: string[],
  description: string,
  zone: string,
  locale = 'en-US',
): Attempt[] =>
  formats.map((format) => ({
    key: format,
    format: description,
    parse: () => DateTime.fromFormatParser(text, parserFor(format, locale), { zone, locale }),
  }))

function readYearFirst(text: string, zone: string, separator: string): Reading | Failure {
  const iso = ISO_DATE.test(text)
  const attempts: Attempt[] = [
    ...(iso
      ? [
          {
            format: ISO_DATE_ONLY.test(text)
              ? 'ISO 8601 date (2021-04-15)'
              : ENDS_WITH_OFFSET.test(text)
                ? 'ISO 8601 with offset (2021-04-15T00:03:00Z, …+05:30)'
                : 'ISO 8601 (2021-04-15T00:03:00)',
            parse: () => DateTime.fromISO(text, { zone }),
          },
          {
            format: 'HubSpot (2021-04-15 00:03:00)',
            parse: () => DateTime.fromSQL(text, { zone }),
          },
        ]
      : []),
    ...formatAttempts(
      text,
      withTimes([`yyyy${separator}M${separator}d`]),
      `year-first numeric (2021${separator}04${separator}15)`,
      zone,
    ),
  ]
  const reading = firstReading(`year-first ${separator}`, attempts)
  if (reading === 'out of range') return doesNotExist(text)
  return reading ?? notADate(text)
}

const numericFormats = (order: DateOrder, separator: string) =>
  withTimes([
    order === 'day-first' ? `d${separator}M${separator}yyyy` : `M${separator}d${separator}yyyy`,
  ])

/** The order a numeric date's parts allow by themselves: a part above 12 can only be the day. */
function orderAllowed(first: number, second: number): DateOrder | 'either' | 'neither' {
  const isMonth = (part: number) => part >= 1 && part <= 12
  const isOnlyDay = (part: number) => part >= 13 && part <= 31
  if (isMonth(first) && isMonth(second)) return 'either'
  if (isOnlyDay(first) && isMonth(second)) return 'day-first'
  if (isMonth(first) && isOnlyDay(second)) return 'month-first'
  return 'neither'
}

function readNumeric(
  text: string,
  zone: string,
  order: DateOrder | null,
  [, first, separator, second, year]: RegExpMatchArray,
): Reading | Failure {
  if (year?.length === 2)
    return fail(`“${text}” has a two-digit year; write the year in full (four digits)`)
  if (year?.length !== 4) return notADate(text)
  const [a, b] = [Number(first), Number(second)]
  const allowed = orderAllowed(a, b)
  const sep = separator ?? '/'
  const readAs = (chosen: DateOrder, format: string): Reading | Failure => {
    const reading = firstReading(
      `${chosen} ${sep}`,
      formatAttempts(text, numericFormats(chosen, sep), format, zone),
    )
    if (reading === 'out of range') {
      const [day, month] = chosen === 'day-first' ? [a, b] : [b, a]
      return doesNotExist(text, `read ${chosen}: day ${day} of month ${month}`)
    }
    return reading ?? notADate(text)
  }
  if (order) return readAs(order, `${order} numeric`)
  if (allowed === 'neither') return doesNotExist(text, 'in either order')
  if (allowed !== 'either') return readAs(allowed, `${allowed} numeric`)
  if (a === b) return readAs('day-first', 'numeric (day and month alike)')
  // Both parts could be the month: the order is needed, if the text is a date at all.
  const dayFirst = readAs('day-first', 'day-first')
  if (!dayFirst.ok) return dayFirst
  const monthFirst = readAs('month-first', 'month-first')
  if (!monthFirst.ok) return monthFirst
  return fail(
    `“${text}” could be ${spellOut(dayFirst.at)} or ${spellOut(monthFirst.at)}: choose whether the dates are day-first or month-first`,
    true,
  )
}

function readNamed(text: string, zone: string): Reading | Failure {
  // en-GB spells September "Sept"; otherwise the two read the same.
  const locale = /sept/i.test(text) ? 'en-GB' : 'en-US'
  const startsWithDigit = /^\d/.test(text)
  const attempts: Attempt[] = startsWithDigit
    ? [
        ...formatAttempts(text, DAY_FIRST_NAMED, ZOHO, zone, locale),
        ...formatAttempts(text, DASHED_NAMED, 'day-month-year (15-Apr-2021)', zone, locale),
        {
          format: 'RFC 2822 (15 Apr 2021 00:03:00 +0000)',
          parse: () => DateTime.fromRFC2822(text, { zone }),
        },
      ]
    : [
        ...formatAttempts(text, MONTH_FIRST_NAMED, US_NAMED, zone, locale),
        {
          format: 'RFC 2822 (Thu, 15 Apr 2021 00:03:00 +0000)',
          parse: () => DateTime.fromRFC2822(text, { zone }),
        },
      ]
  const reading = firstReading(`named ${startsWithDigit} ${locale}`, attempts)
  if (reading === 'out of range') return doesNotExist(text)
  return reading ?? notADate(text)
}

// Luxon checks a zone by building an Intl formatter (about 0.2 ms); a file has one zone.
const zones = new Map<string, boolean>()
function isZone(zone: string): boolean {
  let known = zones.get(zone)
  if (known === undefined) {
    known = IANAZone.isValidZone(zone)
    if (zones.size >= 1000) zones.clear()
    zones.set(zone, known)
  }
  return known
}

const DAY = 24 * 3600_000
/** Per zone and wall-clock day: its one offset, or null on a day the offset changes. */
const offsets = new Map<string, number | null>()

/** The instant a wall-clock time (read as if in UTC) names in `zone`, as luxon works it out. */
const placed = (wallMs: number, zone: string) =>
  DateTime.fromMillis(wallMs, { zone: 'UTC' }).setZone(zone, { keepLocalTime: true }).toMillis()

/**
 * A wall-clock time read as if in UTC, as the instant it names in `zone`. Luxon works out a
 * zone's offset with Intl for every new time (about 80 µs); a day's offset is worked out once,
 * at its start and its end, and only a day on which the clocks change is read time by time (so
 * a time they skip or repeat is read as luxon reads it).
 */
function wallTimeIn(wall: DateTime, zone: string): DateTime {
  if (zone === 'UTC') return wall
  const ms = wall.toMillis()
  const day = Math.floor(ms / DAY) * DAY
  const key = `${zone}|${day}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    const [start, end] = [day - placed(day, zone), day + DAY - 1 - placed(day + DAY - 1, zone)]
    offset = start === end ? start : null
    if (offsets.size >= 100_000) offsets.clear()
    offsets.set(key, offset)
  }
  return DateTime.fromMillis(offset === null ? placed(ms, zone) : ms - offset, { zone: 'UTC' })
}

function read(
  raw: string,
  options: { order: DateOrder | null; timeZone: string },
): Reading | Failure {
  const text = raw.trim()
  const zone = options.timeZone
  if (!text) return fail('There is no date')
  if (!isZone(zone)) return fail(`“${zone}” is not a time zone`)
  // Read as wall-clock time in UTC (cheap), then placed in the zone unless the text says its offset.
  const reading = readShape(text, options.order)
  if (!reading.ok || ENDS_WITH_OFFSET.test(text) || reading.format.startsWith('RFC 2822'))
    return reading
  return { ...reading, at: wallTimeIn(reading.at, zone) }
}

function readShape(text: string, order: DateOrder | null): Reading | Failure {
  const yearFirst = text.match(YEAR_FIRST)
  if (yearFirst) return readYearFirst(text, 'UTC', yearFirst[1] ?? '-')
  const numeric = text.match(NUMERIC)
  if (numeric) return readNumeric(text, 'UTC', order, numeric)
  if (HAS_LETTER.test(text)) return readNamed(text, 'UTC')
  return notADate(text)
}

/**
 * What one value says about the order of numeric dates: the order its parts allow when only
 * one does (a first part above 12 → day-first, a second above 12 → month-first), 'ambiguous'
 * for any other numeric date, 'none' when it is not a numeric date (ISO, named months, blank).
 * A value that names a day that does not exist (31/02/2021) still tells the order it is written in.
 */
export function dateOrderOfValue(value: string): DateOrder | 'ambiguous' | 'none' {
  const [, first, , second, year] = value.trim().match(NUMERIC) ?? []
  if (year?.length !== 4) return 'none'
  const allowed = orderAllowed(Number(first), Number(second))
  return allowed === 'day-first' || allowed === 'month-first' ? allowed : 'ambiguous'
}

/** One cell read as an instant. Times without a zone/offset are read in `timeZone` (IANA);
 * a date without a time is midnight there. `order` is required only for numeric dates: when it is
 * null and the text is a numeric date whose parts could be either order, the result is
 * { ok: false, reason, needsOrder: true }. */
export function readDate(
  text: string,
  options: { order: DateOrder | null; timeZone: string },
): { ok: true; at: Date; format: string } | { ok: false; reason: string; needsOrder?: boolean } {
  const reading = read(text, options)
  return reading.ok ? { ok: true, at: reading.at.toJSDate(), format: reading.format } : reading
}

/** The calendar date (YYYY-MM-DD) a cell names, in `timeZone` when it carries an offset. Same errors. */
export function readCalendarDate(
  text: string,
  options: { order: DateOrder | null; timeZone: string },
):
  | { ok: true; date: string; format: string }
  | { ok: false; reason: string; needsOrder?: boolean } {
  const reading = read(text, options)
  if (!reading.ok) return reading
  const date = reading.at.setZone(options.timeZone).toISODate()
  return date ? { ok: true, date, format: reading.format } : notADate(text.trim())
}

/** How a reading is shown in a preview: "15 Apr 2021, 00:03 (Europe/London)". */
export function describeReading(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-GB')
  return `${local.toFormat('d LLL yyyy, HH:mm')} (${timeZone})`
}

/** A calendar date (YYYY-MM-DD) in words: "1 December 2026". */
export function spellDate(date: string): string {
  const at = DateTime.fromISO(date, { zone: 'UTC' })
  return at.isValid ? spellOut(at) : date
}
