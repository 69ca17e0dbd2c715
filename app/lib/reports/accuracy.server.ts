// Rejection accuracy (docs/metrics.md): of the rejections ruled on, how many the committee
// upheld. Counted in SQL, per period of the month (or week, quarter) the case opened, and
// broken down by rep, reason, source or campaign.
import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { periodTable } from './periods'
import type { Breakdown, ReportQuery } from './report-query'

export type AccuracyRow = {
  name: string
  opened: number
  decided: number
  upheld: number
  overturned: number
  open: number
  /** upheld / decided, or null when nothing was decided. */
  accuracy: number | null
}

/** The report's filters as SQL on cases `c` (rep, reason, source, campaign). */
export function caseFilters(query: ReportQuery): SQL {
  const parts = [
    query.repId ? sql` AND c.rep_id = ${query.repId}` : sql``,
    query.reasonId ? sql` AND c.reason_id = ${query.reasonId}` : sql``,
    query.source ? sql` AND c.source = ${query.source}` : sql``,
    query.campaign ? sql` AND c.campaign = ${query.campaign}` : sql``,
  ]
  return sql.join(parts, sql``)
}

const COUNTS = sql`
  count(c.id) AS opened,
  count(c.verdict) AS decided,
  coalesce(sum(c.verdict = 'does_not_meet'), 0) AS upheld,
  coalesce(sum(c.verdict = 'meets'), 0) AS overturned,
  coalesce(sum(c.status = 'in_review'), 0) AS open`

type Counts = Omit<AccuracyRow, 'name' | 'accuracy'>
const withAccuracy = <T extends Counts>(row: T) => ({
  ...row,
  accuracy: row.decided > 0 ? row.upheld / row.decided : null,
})

const GROUPS: Record<Breakdown, { key: SQL; name: SQL; join: SQL }> = {
  rep: { key: sql`c.rep_id`, name: sql`u.name`, join: sql`JOIN users u ON u.id = c.rep_id` },
  reason: {
    key: sql`c.reason_id`,
    name: sql`coalesce(r.label, 'No reason')`,
    join: sql`LEFT JOIN reasons r ON r.id = c.reason_id`,
  },
  source: { key: sql`c.source`, name: sql`coalesce(c.source, 'No source')`, join: sql`` },
  campaign: { key: sql`c.campaign`, name: sql`coalesce(c.campaign, 'No campaign')`, join: sql`` },
}

export function accuracyReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, values } = periodTable(query.period, range, timeZone)
  const filters = caseFilters(query)
  // One row per period, empty periods included: each period is a range of the
  // (kind, opened_at) index.
  const periods = db.all<Counts & { i: number }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i, ${COUNTS}
    FROM periods p
    LEFT JOIN cases c
      ON c.kind = 'rejected' AND c.opened_at >= p.start AND c.opened_at < p.finish ${filters}
    GROUP BY p.i
    ORDER BY p.i`)
  const group = GROUPS[query.by]
  const breakdown = db.all<Counts & { name: string }>(sql`
    SELECT ${group.name} AS name, ${COUNTS}
    FROM cases c ${group.join}
    WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}
    GROUP BY ${group.key}
    ORDER BY decided DESC, name`)
  const total = db.get<Counts>(sql`
    SELECT ${COUNTS}
    FROM cases c
    WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}`)
  return {
    periods: periods.map(({ i, ...row }) => withAccuracy({ ...row, name: spans[i]?.label ?? '' })),
    breakdown: breakdown.map(withAccuracy),
    total: withAccuracy({ name: 'All', ...(total as Counts) }),
  }
}
