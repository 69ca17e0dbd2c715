// The per-rep clock summaries are read as ranges of days and of months (clock-summaries.server.ts),
// with their rows handed over as one JSON parameter and their histograms summed in TypeScript
// (cells.server.ts).
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { addHistogram, histogramOf, integerTable } from '~/domain/reports/cells.server'
import { daysAndMonths, levelRuns } from '~/domain/reports/clock-summaries.server'
import { dayOfDate } from '~/domain/summaries/calendar'
import { memoryDb } from '../support/memory-db'

const month = (year: number, m: number) => year * 12 + m - 1

it('reads days up to the first whole month, the whole months as one range, then the days after', () => {
  const from = dayOfDate('2026-01-20')
  const to = dayOfDate('2026-04-04')
  expect(levelRuns(from, to)).toEqual([
    { level: 0, lo: from, hi: dayOfDate('2026-02-01') },
    { level: 1, lo: month(2026, 2), hi: month(2026, 4) },
    { level: 0, lo: dayOfDate('2026-04-01'), hi: to },
  ])
  // The same rows as the day and month rows, one by one.
  const rows = levelRuns(from, to).flatMap(({ level, lo, hi }) =>
    Array.from({ length: hi - lo }, (_, i) => ({ level, at: lo + i })),
  )
  expect(rows).toEqual(daysAndMonths(from, to))
  expect(rows).toHaveLength(12 + 2 + 3)
})

it('reads a year of whole months as one range, a week inside a month as days', () => {
  expect(levelRuns(dayOfDate('2025-12-01'), dayOfDate('2026-12-01'))).toEqual([
    { level: 1, lo: month(2025, 12), hi: month(2026, 12) },
  ])
  expect(levelRuns(dayOfDate('2026-03-09'), dayOfDate('2026-03-16'))).toEqual([
    { level: 0, lo: dayOfDate('2026-03-09'), hi: dayOfDate('2026-03-16') },
  ])
  expect(levelRuns(dayOfDate('2026-03-09'), dayOfDate('2026-03-09'))).toEqual([])
})

it('hands a table of integers to SQL as one parameter, and sums the histograms it returns', () => {
  const db = memoryDb()
  const rows = db.all<{ g: number; h: string }>(sql`
    WITH ${integerTable(
      't',
      ['g', 'lo', 'hi'],
      [
        [1, 0, 3],
        [2, -2, 0],
        [1, 5, 7.9],
      ],
    )},
    v(x) AS (VALUES (-2), (-1), (0), (1), (1), (2), (5), (6), (7))
    SELECT t.g AS g, (SELECT ${histogramOf(sql`v.x`, sql`v.x * 10`)} FROM v
      WHERE v.x >= t.lo AND v.x < t.hi) AS h FROM t`)
  expect(rows.map((r) => r.g)).toEqual([1, 2, 1])
  const sums = new Map<number, Map<number, number>>()
  for (const { g, h } of rows) sums.set(g, addHistogram(sums.get(g) ?? new Map(), h))
  // Group 1: 0, 1 (twice), 2 from [0, 3); 5, 6 from [5, 7) (7.9 is truncated to 7).
  expect(sums.get(1)).toEqual(
    new Map([
      [0, 0],
      [1, 20],
      [2, 20],
      [5, 50],
      [6, 60],
    ]),
  )
  expect(sums.get(2)).toEqual(
    new Map([
      [-2, -20],
      [-1, -10],
    ]),
  )
  // A range with no rows gives an empty histogram.
  const [empty] = db.all<{ h: string }>(
    sql`SELECT ${histogramOf(sql`x`, sql`x`)} AS h FROM (SELECT 1 AS x) WHERE x > 1`,
  )
  expect(empty?.h).toBe('[[],[]]')
  expect(addHistogram(new Map(), '[[],[]]')).toEqual(new Map())
})
