import { describe, expect, it } from 'vitest'
import { defaultRange, periodsBetween } from '~/domain/reports/periods'

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
