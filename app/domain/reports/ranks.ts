// Nearest-rank percentiles of working times from two-level histograms (decision 34): the hour
// that holds each rank from a histogram of whole hours, then the minute from that hour's
// minutes only. The ranks are those of `percentiles` in cells.server.ts (docs/metrics.md): the
// median at ceil(n/2), the 90th percentile at ceil(0.9 n). Pure: the readers fetch the rows.

/** Minutes in an hour. */
export const HOUR = 60

/**
 * The hour a whole minute is counted under, as SQLite's integer division counts it (toward
 * zero: minute −1 is in hour 0). A working time below zero needs a clock that went back, but
 * it must not make a percentile vanish.
 */
export const hourOf = (minute: number) => (minute - (minute % HOUR)) / HOUR

/** The whole minutes of an hour, first and last (hour 0 holds −59 to 59). */
export function minutesOf(hour: number): [number, number] {
  return [
    hour > 0 ? hour * HOUR : hour * HOUR - (HOUR - 1),
    hour < 0 ? hour * HOUR : hour * HOUR + (HOUR - 1),
  ]
}

export const RANKS = {
  medianMs: (n: number) => Math.floor((n + 1) / 2),
  p90Ms: (n: number) => Math.floor((9 * n + 9) / 10),
}
export type Rank = keyof typeof RANKS
/** Where a rank falls: its hour, and its rank among that hour's minutes (from 1). */
export type RankAt = { hour: number; rank: number }

/** Adds `n` under `key`; the map, for chaining. */
export const bump = (map: Map<number, number>, key: number, n: number) =>
  map.set(key, (map.get(key) ?? 0) + n)

/** Adds `n` under `key` in the histogram of `group`, made when it is the group's first. */
export function bumpIn(
  histograms: Map<number, Map<number, number>>,
  group: number,
  key: number,
  n: number,
) {
  const histogram = histograms.get(group) ?? new Map<number, number>()
  histograms.set(group, bump(histogram, key, n))
}

/** Each rank's hour in a histogram of hours (hour → count; counts of 0 or less ignored). */
export function hoursOfRanks(
  hours: ReadonlyMap<number, number>,
  ranks: readonly Rank[] = ['medianMs', 'p90Ms'],
): Partial<Record<Rank, RankAt>> {
  const sorted = [...hours].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((sum, [, n]) => sum + n, 0)
  const at: Partial<Record<Rank, RankAt>> = {}
  if (total === 0) return at
  for (const name of ranks) {
    let rank = RANKS[name](total)
    for (const [hour, n] of sorted) {
      if (rank <= n) {
        at[name] = { hour, rank }
        break
      }
      rank -= n
    }
  }
  return at
}

/** The minute of the rank `at` among the minutes (minute → count) of its hour; others ignored. */
export function minuteOfRank(minutes: ReadonlyMap<number, number>, at: RankAt): number | null {
  const inHour = [...minutes]
    .filter(([minute, n]) => n > 0 && hourOf(minute) === at.hour)
    .sort((a, b) => a[0] - b[0])
  let rank = at.rank
  for (const [minute, n] of inHour) {
    if (rank <= n) return minute
    rank -= n
  }
  return null
}
