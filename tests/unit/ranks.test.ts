import { expect, it } from 'vitest'
import { hourOf, hoursOfRanks, minuteOfRank, minutesOf } from '~/domain/reports/ranks'

it('finds the hour of each nearest rank, then its minute within that hour', () => {
  // Ten times: 5, 20, 61, 62, 62, 70, 130, 131, 200, 600 minutes.
  const minutes = new Map([
    [5, 1],
    [20, 1],
    [61, 1],
    [62, 2],
    [70, 1],
    [130, 1],
    [131, 1],
    [200, 1],
    [600, 1],
  ])
  const hours = new Map<number, number>()
  for (const [minute, n] of minutes) hours.set(hourOf(minute), (hours.get(hourOf(minute)) ?? 0) + n)
  const at = hoursOfRanks(hours)
  // The median is the 5th value (62), the 90th percentile the 9th (200).
  expect(at).toEqual({ medianMs: { hour: 1, rank: 3 }, p90Ms: { hour: 3, rank: 1 } })
  expect(at.medianMs && minuteOfRank(minutes, at.medianMs)).toBe(62)
  expect(at.p90Ms && minuteOfRank(minutes, at.p90Ms)).toBe(200)
})

it('counts a minute below zero under hour 0, as SQLite divides, so no rank is lost', () => {
  expect(hourOf(-1)).toBe(0)
  expect(hourOf(-61)).toBe(-1)
  expect(minutesOf(0)).toEqual([-59, 59])
  expect(minutesOf(2)).toEqual([120, 179])
  expect(minutesOf(-1)).toEqual([-119, -60])
  const minutes = new Map([
    [-1, 1],
    [3, 1],
  ])
  const at = hoursOfRanks(new Map([[0, 2]]))
  expect(at.medianMs && minuteOfRank(minutes, at.medianMs)).toBe(-1)
  expect(at.p90Ms && minuteOfRank(minutes, at.p90Ms)).toBe(3)
})

it('gives no rank for an empty or all-zero histogram', () => {
  expect(hoursOfRanks(new Map())).toEqual({})
  expect(hoursOfRanks(new Map([[4, 0]]))).toEqual({})
})
