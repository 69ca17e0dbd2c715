import { describe, expect, it } from 'vitest'
import {
  addWorkingHours,
  clockAt,
  endOfLocalDay,
  formatWorkingTime,
  HOUR,
  workingMsBetween,
} from '~/domain/sla/clock'
import { allDayWeekdays } from '../support/calendar'

const at = (iso: string) => new Date(iso)
const iso = (date: Date) => date.toISOString()

describe('addWorkingHours', () => {
  it('a lead handed over Friday 17:00 with a 48-hour SLA is due Tuesday 17:00', () => {
    // 20 November 2026 is a Friday; London is on GMT (UTC+0).
    expect(
      iso(addWorkingHours(at('2026-11-20T17:00:00Z'), 48, allDayWeekdays('Europe/London'))),
    ).toBe('2026-11-24T17:00:00.000Z')
  })

  it('a lead handed over on Wednesday morning is due Friday morning', () => {
    expect(
      iso(addWorkingHours(at('2026-11-18T09:00:00Z'), 48, allDayWeekdays('Europe/London'))),
    ).toBe('2026-11-20T09:00:00.000Z')
  })

  it('a clock that starts at the weekend starts on Monday at midnight', () => {
    expect(
      iso(addWorkingHours(at('2026-11-21T10:00:00Z'), 1, allDayWeekdays('Europe/London'))),
    ).toBe('2026-11-23T01:00:00.000Z')
  })

  it('a clock that runs out exactly at Friday midnight ends then, not on Monday', () => {
    expect(
      iso(addWorkingHours(at('2026-11-19T00:00:00Z'), 48, allDayWeekdays('Europe/London'))),
    ).toBe('2026-11-21T00:00:00.000Z')
  })

  it('Europe/London, clocks going back (BST to GMT on Sunday 25 October 2026)', () => {
    // Friday 17:00 BST is 16:00 UTC; Tuesday 17:00 GMT is 17:00 UTC: 97 real hours later.
    const due = addWorkingHours(at('2026-10-23T16:00:00Z'), 48, allDayWeekdays('Europe/London'))
    expect(iso(due)).toBe('2026-10-27T17:00:00.000Z')
  })

  it('Europe/London, clocks going forward (GMT to BST on Sunday 29 March 2026)', () => {
    // Friday 17:00 GMT; Tuesday 17:00 BST is 16:00 UTC.
    expect(
      iso(addWorkingHours(at('2026-03-27T17:00:00Z'), 48, allDayWeekdays('Europe/London'))),
    ).toBe('2026-03-31T16:00:00.000Z')
  })

  it('Asia/Kathmandu (UTC+5:45): the weekend starts at 18:15 UTC on Friday, to the minute', () => {
    // Friday 23:55 local is 18:10 UTC: five minutes on Friday, fifty-five on Monday from
    // midnight local (Sunday 18:15 UTC).
    expect(
      iso(addWorkingHours(at('2026-11-20T18:10:00Z'), 1, allDayWeekdays('Asia/Kathmandu'))),
    ).toBe('2026-11-22T19:10:00.000Z')
    // Friday 23:45–24:00 and Monday 00:00–00:15 local.
    expect(
      workingMsBetween(
        at('2026-11-20T18:00:00Z'),
        at('2026-11-22T18:30:00Z'),
        allDayWeekdays('Asia/Kathmandu'),
      ),
    ).toBe(30 * 60 * 1000)
  })

  it('America/New_York, clocks going back (EDT to EST on Sunday 1 November 2026)', () => {
    // Friday 17:00 EDT is 21:00 UTC; Tuesday 17:00 EST is 22:00 UTC.
    expect(
      iso(addWorkingHours(at('2026-10-30T21:00:00Z'), 48, allDayWeekdays('America/New_York'))),
    ).toBe('2026-11-03T22:00:00.000Z')
  })

  it('America/New_York, clocks going forward (EST to EDT on Sunday 8 March 2026)', () => {
    // Friday 17:00 EST is 22:00 UTC; Tuesday 17:00 EDT is 21:00 UTC.
    expect(
      iso(addWorkingHours(at('2026-03-06T22:00:00Z'), 48, allDayWeekdays('America/New_York'))),
    ).toBe('2026-03-10T21:00:00.000Z')
  })

  it('the weekend is the organisation’s weekend, not UTC’s', () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Berlin.
    const start = at('2026-11-20T23:30:00Z')
    expect(iso(addWorkingHours(start, 1, allDayWeekdays('UTC')))).toBe('2026-11-23T00:30:00.000Z')
    expect(iso(addWorkingHours(start, 1, allDayWeekdays('Europe/Berlin')))).toBe(
      '2026-11-23T00:00:00.000Z',
    )
  })

  it('counts several weeks', () => {
    // 5 working days of 24 hours from Monday 09:00 is the next Monday 09:00.
    expect(iso(addWorkingHours(at('2026-11-16T09:00:00Z'), 5 * 24, allDayWeekdays('UTC')))).toBe(
      '2026-11-23T09:00:00.000Z',
    )
  })
})

describe('workingMsBetween', () => {
  it('Friday 17:00 to Tuesday 17:00 is 48 working hours, across a daylight-saving change too', () => {
    expect(
      workingMsBetween(
        at('2026-11-20T17:00:00Z'),
        at('2026-11-24T17:00:00Z'),
        allDayWeekdays('Europe/London'),
      ),
    ).toBe(48 * HOUR)
    expect(
      workingMsBetween(
        at('2026-10-23T16:00:00Z'),
        at('2026-10-27T17:00:00Z'),
        allDayWeekdays('Europe/London'),
      ),
    ).toBe(48 * HOUR)
    expect(
      workingMsBetween(
        at('2026-03-06T22:00:00Z'),
        at('2026-03-10T21:00:00Z'),
        allDayWeekdays('America/New_York'),
      ),
    ).toBe(48 * HOUR)
  })

  it('a weekend alone is no working time, and the order of the instants gives the sign', () => {
    expect(
      workingMsBetween(
        at('2026-11-21T08:00:00Z'),
        at('2026-11-22T20:00:00Z'),
        allDayWeekdays('Europe/London'),
      ),
    ).toBe(0)
    expect(
      workingMsBetween(
        at('2026-11-24T17:00:00Z'),
        at('2026-11-20T17:00:00Z'),
        allDayWeekdays('Europe/London'),
      ),
    ).toBe(-48 * HOUR)
  })

  it('is the inverse of addWorkingHours', () => {
    const start = at('2026-10-22T13:17:00Z')
    for (const hours of [1, 7.5, 24, 48, 120]) {
      const due = addWorkingHours(start, hours, allDayWeekdays('America/New_York'))
      expect(workingMsBetween(start, due, allDayWeekdays('America/New_York'))).toBe(hours * HOUR)
    }
  })
})

describe('the clock as people read it', () => {
  const london = allDayWeekdays('Europe/London')
  it('time left and overdue, in working time, with the due time', () => {
    const due = at('2026-11-24T17:00:00Z')
    expect(clockAt(at('2026-11-24T13:40:00Z'), due, london)).toEqual({
      overdue: false,
      workingMs: 3 * HOUR + 20 * 60_000,
      label: '3 working hours 20 min left',
      dueLabel: 'due Tue 17:00',
    })
    // From Friday 16:00 to Monday 10:00: 8 h on Friday and 10 h on Monday.
    const late = clockAt(at('2026-11-30T10:00:00Z'), at('2026-11-27T16:00:00Z'), london)
    expect(late).toEqual({
      overdue: true,
      workingMs: -18 * HOUR,
      label: 'Overdue by 18 working hours',
      dueLabel: 'due Fri 16:00',
    })
  })

  it('formats spans (days of the calendar’s length)', () => {
    expect(formatWorkingTime(45 * 60_000, london)).toBe('45 working minutes')
    expect(formatWorkingTime(60_000, london)).toBe('1 working minute')
    expect(formatWorkingTime(HOUR, london)).toBe('1 working hour')
    expect(formatWorkingTime(2 * HOUR, london)).toBe('2 working hours')
    expect(formatWorkingTime(9 * HOUR + 59 * 60_000, london)).toBe('9 working hours 59 min')
    expect(formatWorkingTime(52 * HOUR + 30 * 60_000, london)).toBe('52 working hours')
    expect(formatWorkingTime(633 * HOUR, london)).toBe('26 working days')
  })

  it('today ends at local midnight', () => {
    expect(iso(endOfLocalDay(at('2026-11-20T23:30:00Z'), 'Europe/London'))).toBe(
      '2026-11-21T00:00:00.000Z',
    )
    expect(iso(endOfLocalDay(at('2026-11-20T23:30:00Z'), 'America/New_York'))).toBe(
      '2026-11-21T05:00:00.000Z',
    )
  })
})
