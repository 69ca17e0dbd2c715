import { describe, expect, it } from 'vitest'
import { fieldText } from '~/domain/leads/fields'
import { countOf, formatCount, formatHours, formatPercent } from '~/platform/numbers'
import { formatCalendarDate, formatDate, formatDateTime, formatIsoText } from '~/platform/time'

describe('dates as people in the organisation read them', () => {
  it('formats instants in the organisation’s time zone, across summer time', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 15, 9, 5), 'Europe/London')).toBe(
      '15 Jan 2026, 09:05 GMT',
    )
    expect(formatDateTime(Date.UTC(2026, 6, 15, 9, 5), 'Europe/London')).toBe(
      '15 Jul 2026, 10:05 BST',
    )
    expect(formatDateTime(Date.UTC(2026, 6, 15, 9, 5), 'America/New_York')).toBe(
      '15 Jul 2026, 05:05 GMT-4',
    )
    // London's clocks went forward at 01:00 UTC on 29 Mar 2026: a minute either side.
    expect(formatDateTime(Date.UTC(2026, 2, 29, 0, 59), 'Europe/London')).toBe(
      '29 Mar 2026, 00:59 GMT',
    )
    expect(formatDateTime(Date.UTC(2026, 2, 29, 1, 0), 'Europe/London')).toBe(
      '29 Mar 2026, 02:00 BST',
    )
    expect(formatDateTime(Date.UTC(2026, 10, 27, 12, 53), 'UTC')).toBe('27 Nov 2026, 12:53 UTC')
  })

  it('gives the day an instant falls on there, which may not be the UTC day', () => {
    expect(formatDate(Date.UTC(2026, 6, 15, 23, 30), 'Europe/London')).toBe('16 Jul 2026')
    expect(formatDate(Date.UTC(2026, 6, 15, 23, 30), 'UTC')).toBe('15 Jul 2026')
  })

  it('reads a calendar date as the day it names, in any zone', () => {
    expect(formatCalendarDate('2026-11-18')).toBe('18 Nov 2026')
    expect(formatCalendarDate('not a date')).toBe('not a date')
  })

  it('reads ISO text held in an audit entry, and nothing else', () => {
    expect(formatIsoText('2026-11-27T12:53:00.000Z', 'Europe/London')).toBe(
      '27 Nov 2026, 12:53 GMT',
    )
    expect(formatIsoText('2026-03-02', 'America/New_York')).toBe('2 Mar 2026')
    expect(formatIsoText('No budget', 'UTC')).toBeNull()
    expect(formatIsoText('2026-13-45T99:00', 'UTC')).toBeNull()
  })
})

describe('numbers as people read them', () => {
  it('groups counts and rounds them to whole units', () => {
    expect(formatCount(1757)).toBe('1,757')
    expect(formatCount(1_000_000)).toBe('1,000,000')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(12_000.4)).toBe('12,000')
  })

  it('gives shares as percentages with one decimal', () => {
    expect(formatPercent(0.482)).toBe('48.2%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatPercent(2 / 3)).toBe('66.7%')
  })

  it('gives working time in hours with one decimal, grouped', () => {
    expect(formatHours(19.5 * 3_600_000)).toBe('19.5 h')
    expect(formatHours(1204 * 3_600_000)).toBe('1,204.0 h')
  })

  it('counts a noun, singular for one', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry')
    expect(countOf(2396, 'entry', 'entries')).toBe('2,396 entries')
  })
})

describe('a lead field as people read it', () => {
  it('groups numbers, names lifecycle stages, and gives blank as null', () => {
    expect(fieldText('employeeCount', 3606)).toBe('3,606')
    expect(fieldText('lifecycleStage', 'mql')).toBe('MQL')
    expect(fieldText('externalId', '00Q100346')).toBe('00Q100346')
    expect(fieldText('notes', '')).toBeNull()
  })
})
