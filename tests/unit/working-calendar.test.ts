import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { holidaysFromIcs, MAX_ICS_BYTES } from '~/domain/settings/holidays-ics'
import { parseHolidays, WorkingHoursFormSchema } from '~/domain/settings/working-hours'
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, clockAt, HOUR, workingMsBetween } from '~/domain/sla/clock'

const at = (iso: string) => new Date(iso)
const iso = (date: Date) => date.toISOString()
const LONDON: WorkingCalendar = { timeZone: 'Europe/London', ...DEFAULT_WORKING_HOURS }

describe('working hours: 09:00–17:00, Monday to Friday, in London', () => {
  it('Friday 16:30 plus 2 working hours is Monday 10:30', () => {
    // 20 November 2026 is a Friday; London is on GMT (UTC+0).
    expect(iso(addWorkingHours(at('2026-11-20T16:30:00Z'), 2, LONDON))).toBe(
      '2026-11-23T10:30:00.000Z',
    )
    expect(workingMsBetween(at('2026-11-20T16:30:00Z'), at('2026-11-23T10:30:00Z'), LONDON)).toBe(
      2 * HOUR,
    )
  })

  it('a clock started out of hours starts at the next opening; 16 hours are two working days', () => {
    // Saturday 03:00: Monday 09:00 + 16 h is Tuesday 17:00.
    expect(iso(addWorkingHours(at('2026-11-21T03:00:00Z'), 16, LONDON))).toBe(
      '2026-11-24T17:00:00.000Z',
    )
    // Monday 06:00 + 1 h is 10:00, never 07:00; a due time falls within working hours.
    expect(iso(addWorkingHours(at('2026-11-23T06:00:00Z'), 1, LONDON))).toBe(
      '2026-11-23T10:00:00.000Z',
    )
    // Friday 16:30 + 16 h: half an hour on Friday, 8 on Monday, 7.5 on Tuesday.
    expect(iso(addWorkingHours(at('2026-11-20T16:30:00Z'), 16, LONDON))).toBe(
      '2026-11-24T16:30:00.000Z',
    )
  })

  it('a public holiday has no working time', () => {
    const withChristmas = { ...LONDON, holidays: ['2026-12-25'] }
    // Thursday 24 December 16:00 + 2 h: Christmas Day (Friday) is skipped, so Monday 10:00.
    expect(iso(addWorkingHours(at('2026-12-24T16:00:00Z'), 2, withChristmas))).toBe(
      '2026-12-28T10:00:00.000Z',
    )
    expect(iso(addWorkingHours(at('2026-12-24T16:00:00Z'), 2, LONDON))).toBe(
      '2026-12-25T10:00:00.000Z',
    )
    expect(
      workingMsBetween(at('2026-12-24T00:00:00Z'), at('2026-12-29T00:00:00Z'), withChristmas),
    ).toBe(16 * HOUR)
  })

  it('the hours stay local over a daylight-saving change in Europe/London', () => {
    // BST ends on Sunday 25 October 2026: Friday 16:00 BST (15:00Z) + 2 h is Monday 10:00 GMT.
    expect(iso(addWorkingHours(at('2026-10-23T15:00:00Z'), 2, LONDON))).toBe(
      '2026-10-26T10:00:00.000Z',
    )
    // BST starts on Sunday 29 March 2026: Friday 16:00 GMT + 2 h is Monday 10:00 BST (09:00Z).
    expect(iso(addWorkingHours(at('2026-03-27T16:00:00Z'), 2, LONDON))).toBe(
      '2026-03-30T09:00:00.000Z',
    )
    expect(workingMsBetween(at('2026-03-27T16:00:00Z'), at('2026-03-30T09:00:00Z'), LONDON)).toBe(
      2 * HOUR,
    )
  })

  it('hours that are not on the hour: 08:30–16:45', () => {
    const odd = { ...LONDON, start: 8 * 60 + 30, end: 16 * 60 + 45 }
    // Monday 16:00 + 1 h: 45 minutes on Monday, 15 on Tuesday from 08:30.
    expect(iso(addWorkingHours(at('2026-11-23T16:00:00Z'), 1, odd))).toBe(
      '2026-11-24T08:45:00.000Z',
    )
    expect(workingMsBetween(at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z'), odd)).toBe(
      8.25 * HOUR,
    )
  })

  it('other working days: Sunday to Thursday', () => {
    const gulf = { ...LONDON, days: [7, 1, 2, 3, 4] }
    // Thursday 16:30 + 1 h: Friday and Saturday are off, so Sunday 09:30.
    expect(iso(addWorkingHours(at('2026-11-26T16:30:00Z'), 1, gulf))).toBe(
      '2026-11-29T09:30:00.000Z',
    )
  })

  it('the clock says working hours and when it is due', () => {
    expect(clockAt(at('2026-11-23T09:00:00Z'), at('2026-11-24T17:00:00Z'), LONDON)).toEqual({
      overdue: false,
      workingMs: 16 * HOUR,
      label: '16 working hours left',
      dueLabel: 'due Tue 17:00',
    })
    // Over three working days reads in days; a due time a week away names its date.
    expect(clockAt(at('2026-11-23T09:00:00Z'), at('2026-12-04T13:00:00Z'), LONDON)).toMatchObject({
      label: '9 working days left',
      dueLabel: 'due Fri 4 Dec, 13:00',
    })
    expect(clockAt(at('2026-11-24T10:00:00Z'), at('2026-11-23T16:00:00Z'), LONDON)).toMatchObject({
      overdue: true,
      label: 'Overdue by 2 working hours',
    })
  })
})

describe('holidays as typed and as imported', () => {
  it('one a line, date then name; a line that is not a date is named', () => {
    expect(parseHolidays('2026-12-25 Christmas Day\n\n2026-12-24\n2026-12-25 Again')).toEqual({
      holidays: [
        { date: '2026-12-24', name: '' },
        { date: '2026-12-25', name: 'Again' },
      ],
    })
    expect(parseHolidays('2026-12-25 Christmas\n2026-02-30 No such day')).toEqual({
      error: 'Line 2: “2026-02-30” is not a date; start each line with one such as 2026-12-25',
    })
  })

  it('the form refuses an end before the start and an unknown day, by field', () => {
    const paths = (value: object) =>
      WorkingHoursFormSchema.safeParse({ holidays: '', ...value }).error?.issues.map((i) =>
        i.path.join('.'),
      )
    expect(paths({ days: ['1', '8'], start: '09:00', end: '17:00' })).toEqual(['days.1'])
    expect(paths({ days: ['1'], start: '17:00', end: '09:00' })).toEqual(['end'])
    expect(paths({ days: ['1'], start: '9am', end: '25:00' })).toEqual(['start', 'end'])
  })

  it('an iCalendar file with a recurring event, expanded from this year on', () => {
    const text = readFileSync('tests/fixtures/holidays.ics', 'utf8')
    expect(holidaysFromIcs(text, at('2026-11-28T12:00:00Z'))).toEqual({
      ok: true,
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-08-30', name: 'Summer bank holiday' },
        { date: '2027-12-25', name: 'Christmas Day' },
        { date: '2028-12-25', name: 'Christmas Day' },
      ],
    })
  })

  it('a file that is not iCalendar, or too large, is refused before anything is kept', () => {
    expect(holidaysFromIcs('Date,Name\n2026-12-25,Christmas', new Date())).toEqual({
      ok: false,
      error: 'The file is not an iCalendar (.ics) file: it could not be read',
    })
    expect(holidaysFromIcs('x'.repeat(MAX_ICS_BYTES + 1), new Date())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/larger than 256 KB/),
    })
  })
})
