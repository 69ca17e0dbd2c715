// The 95% Wilson score interval for a rate (successes of n): where the true rate likely lies,
// wide when n is small. A month with one decided case reads 100% like a month with ten; its
// interval (20.7% to 100%) says how little that 100% means. Pure: charts and tiles share it.

/** The normal quantile for a two-sided 95% interval. */
const Z = 1.959963984540054

export type Interval = [low: number, high: number]

/**
 * The 95% Wilson interval of `successes` out of `n`, as rates from 0 to 1: 8 of 10 gives
 * [0.4902, 0.9433]. No interval (null) when n is 0; a count that is not a whole number from 0
 * to n is a programming error.
 */
export function wilson(successes: number, n: number): Interval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n)
    throw new RangeError(`wilson(${successes}, ${n}): successes must be a whole number 0 to n`)
  if (n === 0) return null
  const p = successes / n
  const z2 = Z * Z
  const scale = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / scale
  const half = (Z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

/** Fewer cases than this in a period and its rate is marked "few cases" beside its interval. */
export const FEW_CASES = 10
