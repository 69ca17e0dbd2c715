import { describe, expect, it } from 'vitest'
import {
  DATE_ORDER_LABELS,
  type DateOrder,
  dateOrderOfValue,
  describeReading,
  readCalendarDate,
  readDate,
} from '~/domain/import/dates'

const LONDON = 'Europe/London'
const NEW_YORK = 'America/New_York'

/** The instant a cell is read as (ISO, UTC) and the format named, or the refusal. */
function instant(text: string, timeZone: string, order: DateOrder | null = null) {
  const read = readDate(text, { order, timeZone })
  return read.ok ? [read.at.toISOString(), read.format] : read
}

const ISO_DATE = 'ISO 8601 date (2021-04-15)'
const ISO = 'ISO 8601 (2021-04-15T00:03:00)'
const ISO_OFFSET = 'ISO 8601 with offset (2021-04-15T00:03:00Z, …+05:30)'
const HUBSPOT = 'HubSpot (2021-04-15 00:03:00)'
const ZOHO = 'Zoho (15 Apr, 2021 00:03:00)'
const US_NAMED = 'US named month (Apr 15, 2021 12:03 AM)'

describe('reading a date cell as an instant', () => {
  it('ISO 8601: a date is local midnight, a time is local, an offset or Z is kept', () => {
    // 15 April is summer time in London (UTC+1) and New York (UTC−4); January is not.
    expect(instant('2021-04-15', LONDON)).toEqual(['2021-04-14T23:00:00.000Z', ISO_DATE])
    expect(instant('2021-01-15', LONDON)).toEqual(['2021-01-15T00:00:00.000Z', ISO_DATE])
    expect(instant('2021-04-15T00:03:00', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', ISO])
    expect(instant('2021-04-15T00:03:00', NEW_YORK)).toEqual(['2021-04-15T04:03:00.000Z', ISO])
    expect(instant('2021-01-15T00:03:00', NEW_YORK)).toEqual(['2021-01-15T05:03:00.000Z', ISO])
    expect(instant('2021-04-15T00:03:00', 'UTC')).toEqual(['2021-04-15T00:03:00.000Z', ISO])
    expect(instant('2021-04-15T00:03:00Z', LONDON)).toEqual([
      '2021-04-15T00:03:00.000Z',
      ISO_OFFSET,
    ])
    expect(instant('2021-04-15T00:03:00+05:30', NEW_YORK)).toEqual([
      '2021-04-14T18:33:00.000Z',
      ISO_OFFSET,
    ])
    expect(instant('  2021-04-15T00:03:00.250Z ', 'UTC')).toEqual([
      '2021-04-15T00:03:00.250Z',
      ISO_OFFSET,
    ])
  })

  it("HubSpot's export style: a date and a time after a space, with or without seconds", () => {
    expect(instant('2021-04-15 00:03:00', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', HUBSPOT])
    expect(instant('2021-04-15 00:03', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', HUBSPOT])
    expect(instant('2021-12-15 00:03', LONDON)).toEqual(['2021-12-15T00:03:00.000Z', HUBSPOT])
    expect(instant('2021-04-15 00:03', NEW_YORK)).toEqual(['2021-04-15T04:03:00.000Z', HUBSPOT])
    expect(instant('2021/04/15 13:45', 'UTC')).toEqual([
      '2021-04-15T13:45:00.000Z',
      'year-first numeric (2021/04/15)',
    ])
  })

  it("Zoho's `15 Apr, 2021 00:03:00`, without seconds, and the US style with AM/PM", () => {
    expect(instant('15 Apr, 2021 00:03:00', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', ZOHO])
    expect(instant('15 Apr, 2021 00:03', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', ZOHO])
    expect(instant('15 Dec, 2021 00:03:00', LONDON)).toEqual(['2021-12-15T00:03:00.000Z', ZOHO])
    expect(instant('15 Apr, 2021 00:03:00', NEW_YORK)).toEqual(['2021-04-15T04:03:00.000Z', ZOHO])
    expect(instant('15 Apr, 2021', 'UTC')).toEqual(['2021-04-15T00:00:00.000Z', ZOHO])
    expect(instant('15 Sept, 2021 10:00', LONDON)).toEqual(['2021-09-15T09:00:00.000Z', ZOHO])
    expect(instant('Apr 15, 2021 12:03 AM', LONDON)).toEqual(['2021-04-14T23:03:00.000Z', US_NAMED])
    expect(instant('Apr 15, 2021 12:03 PM', NEW_YORK)).toEqual([
      '2021-04-15T16:03:00.000Z',
      US_NAMED,
    ])
    expect(instant('April 15, 2021 1:03:09 pm', 'UTC')).toEqual([
      '2021-04-15T13:03:09.000Z',
      US_NAMED,
    ])
    expect(instant('Thu, 15 Apr 2021 00:03:00 +0000', NEW_YORK)).toEqual([
      '2021-04-15T00:03:00.000Z',
      'RFC 2822 (Thu, 15 Apr 2021 00:03:00 +0000)',
    ])
  })

  it("Salesforce's report exports, month first, and day-first ones", () => {
    const monthFirst = 'month-first numeric'
    expect(instant('4/15/2021', NEW_YORK)).toEqual(['2021-04-15T04:00:00.000Z', monthFirst])
    expect(instant('4/15/2021 12:03 AM', NEW_YORK)).toEqual([
      '2021-04-15T04:03:00.000Z',
      monthFirst,
    ])
    expect(instant('4/15/2021, 12:03 AM', NEW_YORK)).toEqual([
      '2021-04-15T04:03:00.000Z',
      monthFirst,
    ])
    expect(instant('12/15/2021, 11:59 PM', NEW_YORK)).toEqual([
      '2021-12-16T04:59:00.000Z',
      monthFirst,
    ])
    expect(instant('15/04/2021 00:03', LONDON)).toEqual([
      '2021-04-14T23:03:00.000Z',
      'day-first numeric',
    ])
    expect(instant('15.04.2021', LONDON)).toEqual(['2021-04-14T23:00:00.000Z', 'day-first numeric'])
    expect(instant('15-01-2021 9:05:30', 'UTC')).toEqual([
      '2021-01-15T09:05:30.000Z',
      'day-first numeric',
    ])
  })

  it('numeric dates that could be either order need the order, and then follow it', () => {
    expect(instant('12/01/2026', 'UTC')).toEqual({
      ok: false,
      reason:
        '“12/01/2026” could be 12 January 2026 or 1 December 2026: choose whether the dates are day-first or month-first',
      needsOrder: true,
    })
    expect(instant('12/01/2026', 'UTC', 'month-first')).toEqual([
      '2026-12-01T00:00:00.000Z',
      'month-first numeric',
    ])
    expect(instant('12/01/2026', 'UTC', 'day-first')).toEqual([
      '2026-01-12T00:00:00.000Z',
      'day-first numeric',
    ])
    expect(instant('03/04/2026 17:30', LONDON, 'day-first')).toEqual([
      '2026-04-03T16:30:00.000Z',
      'day-first numeric',
    ])
    // The same either way: no order needed.
    expect(instant('05/05/2021', 'UTC')).toEqual([
      '2021-05-05T00:00:00.000Z',
      'numeric (day and month alike)',
    ])
    // A value whose parts allow one order is read that way when no order is given…
    expect(instant('4/15/2021', 'UTC')).toEqual(['2021-04-15T00:00:00.000Z', 'month-first numeric'])
    // …and refused when the order given cannot be right.
    expect(instant('15/04/2021', 'UTC', 'month-first')).toEqual({
      ok: false,
      reason: '“15/04/2021” does not exist as a date (read month-first: day 4 of month 15)',
    })
  })

  it('refuses two-digit years, dates that do not exist and text that is no date, saying why', () => {
    expect(instant('15/04/21', 'UTC', 'day-first')).toEqual({
      ok: false,
      reason: '“15/04/21” has a two-digit year; write the year in full (four digits)',
    })
    expect(instant('4/15/21 12:03 AM', 'UTC')).toEqual({
      ok: false,
      reason: '“4/15/21 12:03 AM” has a two-digit year; write the year in full (four digits)',
    })
    expect(instant('31/02/2021', 'UTC')).toEqual({
      ok: false,
      reason: '“31/02/2021” does not exist as a date (read day-first: day 31 of month 2)',
    })
    expect(instant('02/30/2021', 'UTC', 'month-first')).toEqual({
      ok: false,
      reason: '“02/30/2021” does not exist as a date (read month-first: day 30 of month 2)',
    })
    expect(instant('13/14/2021', 'UTC')).toEqual({
      ok: false,
      reason: '“13/14/2021” does not exist as a date (in either order)',
    })
    expect(instant('2021-02-30', 'UTC')).toEqual({
      ok: false,
      reason: '“2021-02-30” does not exist as a date',
    })
    expect(instant('2021-02-29 10:00', 'UTC')).toEqual({
      ok: false,
      reason: '“2021-02-29 10:00” does not exist as a date',
    })
    expect(instant('2024-02-29 10:00', 'UTC')).toEqual(['2024-02-29T10:00:00.000Z', HUBSPOT])
    expect(instant('31 Apr, 2021 00:03:00', 'UTC')).toEqual({
      ok: false,
      reason: '“31 Apr, 2021 00:03:00” does not exist as a date',
    })
    const notADate = (text: string) => ({
      ok: false,
      reason: `“${text}” is not a date in a format we read (such as 2021-04-15, 15/04/2021 or 15 Apr, 2021 00:03:00)`,
    })
    for (const text of [
      'soon',
      '2021',
      '44302',
      '15/04/2021 at noon',
      '12/01/2026 at noon',
      '15/04/20211',
    ])
      expect(instant(text, 'UTC')).toEqual(notADate(text))
    expect(instant('  ', 'UTC')).toEqual({ ok: false, reason: 'There is no date' })
    expect(instant('2021-04-15', 'Mars/Olympus')).toEqual({
      ok: false,
      reason: '“Mars/Olympus” is not a time zone',
    })
  })

  it('a local time the clocks skip moves forward by the gap; one they repeat is the later', () => {
    // London went from 01:00 GMT to 02:00 BST on 28 March 2021: 01:30 did not happen there.
    expect(instant('28/03/2021 01:30', LONDON)).toEqual([
      '2021-03-28T01:30:00.000Z', // 02:30 BST
      'day-first numeric',
    ])
    expect(instant('2021-03-28T00:59', LONDON)).toEqual(['2021-03-28T00:59:00.000Z', ISO])
    expect(instant('2021-03-28T02:00', LONDON)).toEqual(['2021-03-28T01:00:00.000Z', ISO])
    // New York skipped 02:00–03:00 on 14 March 2021.
    expect(instant('3/14/2021 2:30 AM', NEW_YORK)).toEqual([
      '2021-03-14T07:30:00.000Z', // 03:30 EDT
      'month-first numeric',
    ])
    // London went back from 02:00 BST to 01:00 GMT on 31 October 2021: 01:30 happened twice.
    expect(instant('31/10/2021 01:30', LONDON)).toEqual([
      '2021-10-31T01:30:00.000Z', // 01:30 GMT
      'day-first numeric',
    ])
  })
})

describe('the calendar date a cell names', () => {
  const date = (text: string, timeZone: string, order: DateOrder | null = null) =>
    readCalendarDate(text, { order, timeZone })

  it('is the date written, or with an offset, the date it is in the time zone', () => {
    expect(date('12/01/2026', LONDON, 'month-first')).toEqual({
      ok: true,
      date: '2026-12-01',
      format: 'month-first numeric',
    })
    expect(date('15 Apr, 2021 00:03:00', LONDON)).toEqual({
      ok: true,
      date: '2021-04-15',
      format: ZOHO,
    })
    expect(date('2021-04-15T23:30:00Z', LONDON)).toMatchObject({ ok: true, date: '2021-04-16' })
    expect(date('2021-04-15T23:30:00Z', NEW_YORK)).toMatchObject({ ok: true, date: '2021-04-15' })
    expect(date('2021-04-15T02:00:00+05:30', 'UTC')).toMatchObject({
      ok: true,
      date: '2021-04-14',
    })
    expect(date('4/15/2021 11:59 PM', NEW_YORK)).toMatchObject({ ok: true, date: '2021-04-15' })
  })

  it('refuses as readDate does', () => {
    expect(date('12/01/2026', LONDON)).toMatchObject({ ok: false, needsOrder: true })
    expect(date('31/02/2021', LONDON)).toEqual({
      ok: false,
      reason: '“31/02/2021” does not exist as a date (read day-first: day 31 of month 2)',
    })
  })
})

describe('the order one numeric date tells', () => {
  it('is settled by a part above 12, ambiguous without one, none for other shapes', () => {
    expect(dateOrderOfValue('13/01/2026')).toBe('day-first')
    expect(dateOrderOfValue('01/13/2026 10:00 AM')).toBe('month-first')
    expect(dateOrderOfValue('12/01/2026')).toBe('ambiguous')
    expect(dateOrderOfValue('03.04.2026')).toBe('ambiguous')
    expect(dateOrderOfValue('2026-01-13')).toBe('none')
    expect(dateOrderOfValue('15 Apr, 2021 00:03:00')).toBe('none')
    expect(dateOrderOfValue('')).toBe('none')
    // A part that is no day or month at all, and two-digit years, settle nothing.
    expect(dateOrderOfValue('45/01/2026')).toBe('ambiguous')
    expect(dateOrderOfValue('13/14/2026')).toBe('ambiguous')
    expect(dateOrderOfValue('13/01/26')).toBe('none')
    // An impossible date still shows the order it was written in.
    expect(dateOrderOfValue('31/02/2026')).toBe('day-first')
  })

  it('one value at a time', () => {
    expect(dateOrderOfValue('25.12.2026')).toBe('day-first')
    expect(dateOrderOfValue('12-25-2026')).toBe('month-first')
    expect(dateOrderOfValue('12/11/2026')).toBe('ambiguous')
    expect(dateOrderOfValue('2026-12-25')).toBe('none')
  })
})

describe('showing a reading', () => {
  it('is the local date and time with the zone', () => {
    expect(describeReading(new Date('2021-04-14T23:03:00.000Z'), LONDON)).toBe(
      '15 Apr 2021, 00:03 (Europe/London)',
    )
    expect(describeReading(new Date('2021-04-14T23:03:00.000Z'), NEW_YORK)).toBe(
      '14 Apr 2021, 19:03 (America/New_York)',
    )
    expect(describeReading(new Date('2021-01-05T09:00:00.000Z'), 'UTC')).toBe(
      '5 Jan 2021, 09:00 (UTC)',
    )
  })

  it('labels the orders with an example', () => {
    expect(DATE_ORDER_LABELS).toEqual({
      'day-first': 'Day first (03/04/2026 is 3 April 2026)',
      'month-first': 'Month first (03/04/2026 is 4 March 2026)',
    })
  })
})
