// Leadership's home (issue 19): a tile for each question leadership asks at a glance, each
// figure taken from the report that computes it (the same task, on the report pool, with the
// same query), never counted again here. The route hands in the runner the report pages use.
import { Temporal } from 'temporal-polyfill'
import { poolCounts } from '~/domain/nurture/pool.server'
import { type ReportQuery, ReportQuerySchema } from '~/domain/reports/query'
import { ACCEPTANCE_BENCHMARK, rateFigure, scorecardAcceptance } from '~/domain/reports/rates'
import type {
  ReportInput,
  ReportOutput,
  ReportTask,
  TaskInput,
} from '~/domain/reports/run-report.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import { formatCalendarDate } from '~/platform/time'
import type { Queryable } from '~db/connection'
import type { Role } from './roles'

/** Runs a report task as the report pages do (the route passes the report pool's runner). */
export type ReportRunner = <T extends ReportTask>(
  task: T,
  input: TaskInput<T>,
) => Promise<ReportOutput<T>>

type Range = { from: string; to: string }

/**
 * The ranges the tiles ask for, from the local day `today`: the quarters (this quarter and the
 * four before it, by quarter) for the figures over time, and this quarter and the last one on
 * their own for the scorecard, which has no periods.
 */
export function leadershipRanges(today: string) {
  const date = Temporal.PlainDate.from(today)
  const quarterStart = date.with({ month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 })
  const lastStart = quarterStart.subtract({ months: 3 })
  return {
    quarters: { from: quarterStart.subtract({ months: 12 }).toString(), to: today },
    thisQuarter: { from: quarterStart.toString(), to: today },
    lastQuarter: { from: lastStart.toString(), to: quarterStart.subtract({ days: 1 }).toString() },
  }
}

/** The URL of a report with a query: the tile's link, to the figures it shows. */
function reportHref(path: string, query: ReportQuery, range: Range) {
  return `${path}?${new URLSearchParams({ period: query.period, from: range.from, to: range.to })}`
}

/** The last two rows of a report's periods: this quarter's, and the one before. */
function lastTwo<R>(rows: R[]): [current: R, previous: R] {
  return [rows[rows.length - 1] as R, rows[rows.length - 2] as R]
}

/** Whether the viewer's home shows leadership's tiles. */
export const showsLeadershipTiles = (viewer: { roles: readonly Role[] }) =>
  viewer.roles.includes('leadership')

/**
 * The tiles of leadership's home at `now`: rejection accuracy, follow-up and review SLA
 * compliance this quarter against the last, open and overdue cases, hindsight accuracy over
 * the quarters, acceptance against the benchmark, the Nurture pool's size. Each with the link
 * to its report under the same query.
 */
export async function leadershipTiles(db: Queryable, run: ReportRunner, now: Date) {
  const { timeZone } = getOrganisationSettings(db)
  const today = localDate(now, timeZone)
  const ranges = leadershipRanges(today)
  const query = ReportQuerySchema.parse({ period: 'quarter' })
  const input = (range: Range): ReportInput => ({ query, range, timeZone, now })
  const [accuracy, sla, hindsight, scorecard, lastScorecard] = await Promise.all([
    run('accuracy', input(ranges.quarters)),
    run('sla', input(ranges.quarters)),
    run('hindsight', input(ranges.quarters)),
    run('scorecard', input(ranges.thisQuarter)),
    run('scorecard', input(ranges.lastQuarter)),
  ])
  const href = (path: string, range = ranges.quarters) => reportHref(path, query, range)
  const accuracyRows = lastTwo(accuracy.periods).map((r) =>
    rateFigure(r.name, r.accuracy, r.upheld, r.decided),
  )
  const followUpRows = lastTwo(sla.followUp).map((r) =>
    rateFigure(r.name, r.compliance, r.inTime, r.inTime + r.breached),
  )
  const reviewRows = lastTwo(sla.review).map((r) =>
    rateFigure(r.name, r.compliance, r.inTime, r.decided + r.openOverdue),
  )
  const [thisLabel, lastLabel] = [accuracyRows[0]?.period ?? '', accuracyRows[1]?.period ?? '']
  return {
    accuracy: { href: href('/reports/accuracy'), quarters: accuracyRows },
    followUp: { href: href('/reports/sla'), quarters: followUpRows },
    review: { href: href('/reports/sla'), quarters: reviewRows },
    cases: {
      href: href('/reports/sla'),
      since: ranges.quarters.from,
      // Cases opened in the range still in review (the review rows' opened less decided), and
      // those past their review due time.
      open: sla.review.reduce((sum, r) => sum + r.opened - r.decided, 0),
      overdue: sla.review.reduce((sum, r) => sum + r.openOverdue, 0),
    },
    hindsight: {
      href: href('/reports/hindsight'),
      figure: rateFigure(
        `${formatCalendarDate(ranges.quarters.from)} to ${formatCalendarDate(ranges.quarters.to)}`,
        hindsight.total.rejectionAccuracy,
        hindsight.total.notBuyers,
        hindsight.total.known,
      ),
    },
    acceptance: {
      href: href('/reports/scorecard', ranges.thisQuarter),
      benchmark: ACCEPTANCE_BENCHMARK,
      quarters: [
        scorecardAcceptance(scorecard, thisLabel),
        scorecardAcceptance(lastScorecard, lastLabel),
      ],
    },
    nurture: { href: '/nurture', size: poolCounts(db).inPool },
  }
}

export type LeadershipTiles = Awaited<ReturnType<typeof leadershipTiles>>
