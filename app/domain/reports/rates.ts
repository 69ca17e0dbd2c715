// A rate as the home tiles and the charts show it: the report's value, of how many, and its 95%
// Wilson interval; the change between two periods; the acceptance benchmark. Pure, shared by
// the server and the browser.
import { type Interval, wilson } from './wilson'

/** The field's benchmark for acceptance: reps accept 90% or more of the leads handed to them. */
export const ACCEPTANCE_BENCHMARK = 0.9

/** Whether an acceptance rate is below the benchmark; null when there is no rate. */
export const belowBenchmark = (rate: number | null) =>
  rate === null ? null : rate < ACCEPTANCE_BENCHMARK

/** A rate of one period: its value as the report gives it, of how many, and its 95% interval. */
export type RateFigure = {
  period: string
  rate: number | null
  successes: number
  n: number
  interval: Interval | null
}

export const rateFigure = (
  period: string,
  rate: number | null,
  successes: number,
  n: number,
): RateFigure => ({ period, rate, successes, n, interval: wilson(successes, n) })

/** Both rates known: the change from `previous` to `current` in percentage points, else null. */
export function pointsChange(
  current: { rate: number | null },
  previous: { rate: number | null },
): number | null {
  if (current.rate === null || previous.rate === null) return null
  return Math.round((current.rate - previous.rate) * 1000) / 10
}

/** The scorecard's acceptance over every rep's row: accepted ÷ received (as per rep). */
export function scorecardAcceptance(
  rows: readonly { received: number; accepted: number }[],
  period: string,
): RateFigure {
  const received = rows.reduce((sum, r) => sum + r.received, 0)
  const accepted = rows.reduce((sum, r) => sum + r.accepted, 0)
  return rateFigure(period, received > 0 ? accepted / received : null, accepted, received)
}
