// Source and campaign quality (docs/metrics.md): of the leads each source or campaign handed to
// Sales, how many were rejected, and how many of those the committee confirmed bad or good.
import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { periodTable } from './periods'
import type { ReportQuery } from './report-query'

export type QualityRow = {
  name: string
  handedOver: number
  rejected: number
  confirmedBad: number
  confirmedGood: number
  /** confirmed bad ÷ handed over, or null when nothing was handed over. */
  confirmedBadRate: number | null
}

const rejectedCase = (extra: SQL) =>
  sql`EXISTS (SELECT 1 FROM cases c WHERE c.lead_id = l.id AND c.kind = 'rejected' ${extra})`

/** The report's filters as SQL on leads `l`; a reason filter keeps leads rejected for it. */
function leadFilters(query: ReportQuery): SQL {
  return sql.join(
    [
      query.repId ? sql` AND l.owner_id = ${query.repId}` : sql``,
      query.source ? sql` AND l.source = ${query.source}` : sql``,
      query.campaign ? sql` AND l.campaign = ${query.campaign}` : sql``,
      query.reasonId ? sql` AND ${rejectedCase(sql`AND c.reason_id = ${query.reasonId}`)}` : sql``,
    ],
    sql``,
  )
}

const COUNTS = sql`
  count(l.id) AS handedOver,
  coalesce(sum(${rejectedCase(sql``)}), 0) AS rejected,
  coalesce(sum(${rejectedCase(sql`AND c.verdict = 'does_not_meet'`)}), 0) AS confirmedBad,
  coalesce(sum(${rejectedCase(sql`AND c.verdict = 'meets'`)}), 0) AS confirmedGood`

type Counts = Omit<QualityRow, 'name' | 'confirmedBadRate'>
const withRate = <T extends Counts>(row: T) => ({
  ...row,
  confirmedBadRate: row.handedOver > 0 ? row.confirmedBad / row.handedOver : null,
})

export function sourceQualityReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, values } = periodTable(query.period, range, timeZone)
  const filters = leadFilters(query)
  const periods = db.all<Counts & { i: number }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i, ${COUNTS}
    FROM periods p
    LEFT JOIN leads l ON l.handed_over_at >= p.start AND l.handed_over_at < p.finish ${filters}
    GROUP BY p.i
    ORDER BY p.i`)
  const grouped = (column: SQL, none: string) =>
    db
      .all<Counts & { name: string }>(sql`
        SELECT coalesce(${column}, ${none}) AS name, ${COUNTS}
        FROM leads l
        WHERE l.handed_over_at >= ${start} AND l.handed_over_at < ${end} ${filters}
        GROUP BY ${column}
        ORDER BY handedOver DESC, name`)
      .map(withRate)
  return {
    periods: periods.map(({ i, ...row }) => withRate({ ...row, name: spans[i]?.label ?? '' })),
    bySource: grouped(sql`l.source`, 'No source'),
    byCampaign: grouped(sql`l.campaign`, 'No campaign'),
  }
}
