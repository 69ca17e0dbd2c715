import { describe, expect, it } from 'vitest'
import {
  defaultRange,
  MAX_PERIODS,
  periodCount,
  periodsBetween,
  reportRange,
} from '~/domain/reports/periods'
import type { Period } from '~/domain/reports/query'

const iso = (ms: number) => new Date(ms).toISOString()

describe('report periods in the organisation’s calendar', () => {
  it('months start at local midnight on the first, across the clocks going forward', () => {
    const months = periodsBetween('2026-03-15', '2026-04-02', 'month', 'Europe/London')
    expect(months.map((p) => [p.label, iso(p.start), iso(p.end)])).toEqual([
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
      ['2026-04', '2026-03-31T23:00:00.000Z', '2026-04-30T23:00:00.000Z'],
    ])
  })

  it('weeks start on Monday; quarters on the first of January, April, July and October', () => {
    const weeks = periodsBetween('2026-11-18', '2026-11-30', 'week', 'UTC')
    expect(weeks.map((p) => p.label)).toEqual([
      'Week of 2026-11-16',
      'Week of 2026-11-23',
      'Week of 2026-11-30',
    ])
    const quarters = periodsBetween('2026-02-10', '2026-10-01', 'quarter', 'America/New_York')
    expect(quarters.map((p) => [p.label, iso(p.start)])).toEqual([
      ['2026 Q1', '2026-01-01T05:00:00.000Z'],
      ['2026 Q2', '2026-04-01T04:00:00.000Z'],
      ['2026 Q3', '2026-07-01T04:00:00.000Z'],
      ['2026 Q4', '2026-10-01T04:00:00.000Z'],
    ])
  })

  it('the default range is the last twelve months, from the first of the month', () => {
    expect(defaultRange('2026-11-22')).toEqual({ from: '2025-12-01', to: '2026-11-22' })
  })
})

describe('report ranges are bounded (at most 5 years and 260 periods)', () => {
  const TODAY = '2026-11-27'
  const range = (from: string | undefined, to: string | undefined, period: Period = 'month') =>
    reportRange({ from, to, period }, TODAY)

  it('absent dates stand for the default range; a range up to five years is answered', () => {
    expect(range(undefined, undefined)).toEqual({
      ok: true,
      range: { from: '2025-12-01', to: '2026-11-27' },
    })
    expect(range('2021-01-01', '2026-01-01')).toEqual({
      ok: true,
      range: { from: '2021-01-01', to: '2026-01-01' },
    })
    expect(range('2021-01-01', '2026-01-01', 'quarter').ok).toBe(true)
    expect(range('2026-03-01', '2026-03-01').ok).toBe(true)
  })

  it('a day that does not exist is refused, naming its field', () => {
    expect(range('2026-02-31', undefined)).toEqual({
      ok: false,
      fieldErrors: { from: ['2026-02-31 is not a date in the calendar'] },
    })
    expect(range(undefined, '0000-00-00')).toEqual({
      ok: false,
      fieldErrors: { to: ['0000-00-00 is not a date in the calendar'] },
    })
    expect(range('2026-13-01', '2026-02-31').ok).toBe(false)
    // 29 February exists in leap years only.
    expect(range('2024-02-29', '2024-03-01').ok).toBe(true)
    expect(range('2025-02-29', '2025-03-01')).toEqual({
      ok: false,
      fieldErrors: { from: ['2025-02-29 is not a date in the calendar'] },
    })
  })

  it('an inverted range is refused, not swapped: `to` when the URL gave it, else `from`', () => {
    expect(range('2026-05-01', '2026-04-30')).toEqual({
      ok: false,
      fieldErrors: { to: ['must be on or after from (2026-05-01)'] },
    })
    expect(range('2027-01-01', undefined)).toEqual({
      ok: false,
      fieldErrors: { from: ['must be on or before to (2026-11-27)'] },
    })
  })

  it('more than five years is refused; exactly five is not', () => {
    expect(range('2021-01-01', '2026-01-02')).toEqual({
      ok: false,
      fieldErrors: { to: ['must be at most 5 years after from, on or before 2026-01-01'] },
    })
    expect(range('0001-01-01', '9999-12-31').ok).toBe(false)
    expect(range('2021-11-26', undefined)).toEqual({
      ok: false,
      fieldErrors: { from: ['must be at most 5 years before to, on or after 2021-11-27'] },
    })
    expect(range('2021-11-27', undefined).ok).toBe(true)
  })

  it('at most 260 weeks: 260 are answered, 261 refused naming the period', () => {
    expect(MAX_PERIODS).toBe(260)
    // 2021-01-04 is a Monday; 260 weeks later is Monday 2025-12-29.
    expect(periodCount('2021-01-04', '2025-12-28', 'week')).toBe(260)
    expect(range('2021-01-04', '2025-12-28', 'week').ok).toBe(true)
    expect(periodCount('2021-01-04', '2025-12-29', 'week')).toBe(261)
    expect(range('2021-01-04', '2025-12-29', 'week')).toEqual({
      ok: false,
      fieldErrors: {
        period: [
          'a weekly report shows at most 260 weeks, and 2021-01-04 to 2025-12-29 spans 261: choose a longer period or a shorter range',
        ],
      },
    })
    // Five years touch at most 262 weeks, 61 months and 21 quarters.
    expect(periodCount('2021-01-03', '2026-01-03', 'week')).toBe(262)
    expect(periodCount('2021-01-01', '2026-01-01', 'month')).toBe(61)
    expect(periodCount('2021-01-01', '2026-01-01', 'quarter')).toBe(21)
  })

  it('the period list itself refuses to grow past the bound, whoever asks', () => {
    expect(periodsBetween('2021-01-04', '2025-12-28', 'week', 'UTC')).toHaveLength(260)
    expect(() => periodsBetween('1900-01-01', '2100-12-31', 'week', 'UTC')).toThrowError(
      '10488 periods; at most 260',
    )
  })
})
