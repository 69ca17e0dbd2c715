import { describe, expect, it } from 'vitest'
import { leadershipRanges } from '~/domain/people/leadership-home.server'
import {
  belowBenchmark,
  pointsChange,
  rateFigure,
  scorecardAcceptance,
} from '~/domain/reports/rates'
import { wilson } from '~/domain/reports/wilson'

const fixed = (interval: [number, number] | null) => interval?.map((v) => v.toFixed(4)) ?? null

describe('wilson', () => {
  it.each([
    [8, 10, ['0.4902', '0.9433']],
    [0, 10, ['0.0000', '0.2775']],
    [10, 10, ['0.7225', '1.0000']],
    [1, 1, ['0.2065', '1.0000']],
    [0, 1, ['0.0000', '0.7935']],
    [1, 2, ['0.0945', '0.9055']],
    [45, 50, ['0.7864', '0.9565']],
    [300, 400, ['0.7053', '0.7899']],
  ])('%i of %i: %j', (successes, n, expected) => {
    expect(fixed(wilson(successes, n))).toEqual(expected)
  })

  it('narrows as n grows at the same rate: 1 of 1, 10 of 10, 100 of 100', () => {
    const lows = [1, 10, 100].map((n) => wilson(n, n)?.[0] ?? 0)
    expect(lows.map((v) => v.toFixed(4))).toEqual(['0.2065', '0.7225', '0.9630'])
  })

  it('has no interval for no cases, and refuses counts that cannot be', () => {
    expect(wilson(0, 0)).toBeNull()
    expect(() => wilson(3, 2)).toThrow(RangeError)
    expect(() => wilson(-1, 2)).toThrow(RangeError)
    expect(() => wilson(0.5, 2)).toThrow(RangeError)
  })
})

describe('rates', () => {
  it('tells the change between two periods in percentage points, one decimal', () => {
    expect(pointsChange({ rate: 0.75 }, { rate: 2 / 3 })).toBe(8.3)
    expect(pointsChange({ rate: 0.5 }, { rate: 0.625 })).toBe(-12.5)
    expect(pointsChange({ rate: 0.5 }, { rate: 0.5 })).toBe(0)
    expect(pointsChange({ rate: null }, { rate: 0.5 })).toBeNull()
  })

  it('takes acceptance over every rep: accepted ÷ received, not the mean of the reps’ rates', () => {
    const rows = [
      { received: 10, accepted: 9 },
      { received: 2, accepted: 0 },
      { received: 0, accepted: 0 },
    ]
    expect(scorecardAcceptance(rows, '2026 Q1')).toEqual(rateFigure('2026 Q1', 0.75, 9, 12))
    expect(scorecardAcceptance([], '2026 Q1')).toMatchObject({ rate: null, n: 0, interval: null })
  })

  it('flags a rate below 90%, and 90% itself is within the benchmark', () => {
    expect([0.48, 0.899, 0.9, 1, null].map(belowBenchmark)).toEqual([
      true,
      true,
      false,
      false,
      null,
    ])
  })
})

describe('leadership ranges', () => {
  it('this quarter to today, the last quarter whole, and five quarters by quarter', () => {
    expect(leadershipRanges('2026-11-28')).toEqual({
      quarters: { from: '2025-10-01', to: '2026-11-28' },
      thisQuarter: { from: '2026-10-01', to: '2026-11-28' },
      lastQuarter: { from: '2026-07-01', to: '2026-09-30' },
    })
    expect(leadershipRanges('2026-01-01')).toEqual({
      quarters: { from: '2025-01-01', to: '2026-01-01' },
      thisQuarter: { from: '2026-01-01', to: '2026-01-01' },
      lastQuarter: { from: '2025-10-01', to: '2025-12-31' },
    })
  })
})
