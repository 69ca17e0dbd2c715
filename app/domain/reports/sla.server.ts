// The SLA report and the rep scorecard (docs/metrics.md): follow-up, return and review clocks,
// counted in SQL per cell (see cells.server.ts), with medians and 90th percentiles by nearest
// rank over the working times the cells return.
import { type SQL, sql } from 'drizzle-orm'
import { CLOCKS_SUMMARIES } from '~/domain/summaries/clocks.server'
import { summariesComplete } from '~/domain/summaries/state.server'
import type { Queryable } from '~db/connection'
import { ANY_KIND, caseFilters, NOT_IMPORTED } from './accuracy.server'
import { distinctKeys, packed, percentiles } from './cells.server'
import { summarisedClocks } from './clock-summaries.server'
import { periodTable } from './periods'
import { hoursCell, percentCell, type ReportQuery } from './query'
import { summarisedReview } from './review-summaries.server'

export type ClockRow = {
  name: string
  started: number
  inTime: number
  breached: number
  running: number
  /** In time ÷ (in time + breached). */
  compliance: number | null
  medianMs: number | null
  p90Ms: number | null
}

export const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

const ACTED = sql`f.action IN ('accepted', 'rejected')`
/** What the SLA report and the scorecard both count: clocks acted on in time, breached. */
export const compliance = (now: Date) => ({
  inTime: sql`count(*) FILTER (WHERE ${ACTED} AND f.acted_at <= f.due_at)`,
  breached: sql`count(*) FILTER (WHERE f.action = 'ignored' OR (${ACTED} AND f.acted_at > f.due_at)
    OR (f.acted_at IS NULL AND f.due_at < ${now.getTime()}))`,
})
/** The working times to the first accept or reject in whole minutes (floored), for the percentiles. */
export const TIMES = sql`json_group_array(f.working_ms / 60000 * 60000)
  FILTER (WHERE ${ACTED} AND f.working_ms IS NOT NULL)`

/**
 * The clocks of one kind started in each of `periods`, counted per rep and period. Without a
 * source or campaign filter, each (rep, period) is a range of the (kind, rep_id, started_at, …)
 * covering index. With one, the lead's source or campaign decides: from the leads that have it,
 * in the order they were handed over (which is nearly the order of their ids, so the lookups
 * walk the (lead_id, kind, started_at, …) covering index forwards), to their clocks.
 */
export function clockCells<T extends Record<string, number | number[]>>(
  db: Queryable,
  counts: ReturnType<typeof packed<T>>,
  kind: 'hand_over' | 'return',
  query: ReportQuery,
  periods: SQL,
) {
  const leadFilters = [
    query.source ? sql`l.source = ${query.source}` : undefined,
    query.campaign ? sql`l.campaign = ${query.campaign}` : undefined,
  ].filter((filter) => filter !== undefined)
  // A return clock starts when a case's verdict sends the lead back (returnLeadToSales, at the
  // instant the case is decided): it counts under that case's reason. A hand-over clock has no
  // reason, so the reason filter leaves it alone.
  const reason =
    kind === 'return' && query.reasonId
      ? sql`AND EXISTS (SELECT 1 FROM cases c INDEXED BY cases_lead_idx
          WHERE c.lead_id = f.lead_id AND c.decided_at = f.started_at
            AND c.reason_id = ${query.reasonId})`
      : sql``
  // A hand-over is net-new or re-engaged (handed back from nurture); a return is neither.
  const handOver =
    kind === 'hand_over' && query.handOver
      ? sql`AND f.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}`
      : sql``
  const cells =
    leadFilters.length === 0
      ? db.all<{ rep: number | null; i: number; counts: string }>(sql`
          WITH RECURSIVE ${periods},
          ${distinctKeys(sql`follow_ups f`, sql`f.rep_id`, sql`f.kind = ${kind}`, query.repId)}
          SELECT keys.k AS rep, p.i AS i, (
            SELECT ${counts.sql} FROM follow_ups f
            WHERE f.kind = ${kind} AND f.rep_id = keys.k
              AND f.started_at >= p.start AND f.started_at < p.finish ${reason} ${handOver}
          ) AS counts
          FROM keys, periods p`)
      : db.all<{ rep: number; i: number; counts: string }>(sql`
          WITH ${periods}
          SELECT f.rep_id AS rep, p.i AS i, ${counts.sql} AS counts
          FROM leads l INDEXED BY ${query.source ? sql`leads_source_idx` : sql`leads_campaign_idx`}
          CROSS JOIN follow_ups f CROSS JOIN periods p
          WHERE ${sql.join(leadFilters, sql` AND `)} AND f.lead_id = l.id AND f.kind = ${kind}
            ${query.repId ? sql`AND f.rep_id = ${query.repId}` : sql``}
            AND f.started_at >= p.start AND f.started_at < p.finish ${reason} ${handOver}
          GROUP BY f.rep_id, p.i`)
  return cells.map((cell) => ({ rep: cell.rep, i: cell.i, counts: counts.unpack(cell.counts) }))
}

/** Follow-up or return clocks started in each period. */
export function clockReport(
  db: Queryable,
  kind: 'hand_over' | 'return',
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ClockRow[] {
  const { spans, periods } = periodTable(query.period, range, timeZone)
  if (summariesComplete(db, CLOCKS_SUMMARIES, timeZone)) {
    const figures = summarisedClocks(
      db,
      kind,
      query,
      { by: 'period', spans, periods },
      timeZone,
      now,
    )
    return spans.map((span, i) => {
      const f = figures.get(i)
      const row = {
        started: f?.started ?? 0,
        inTime: f?.inTime ?? 0,
        breached: f?.breached ?? 0,
        running: f?.running ?? 0,
      }
      const compliance = rate(row.inTime, row.inTime + row.breached)
      return {
        name: span.label,
        ...row,
        compliance,
        medianMs: f?.medianMs ?? null,
        p90Ms: f?.p90Ms ?? null,
      }
    })
  }
  const counts = packed<{
    started: number
    inTime: number
    breached: number
    running: number
    times: number[]
  }>({
    started: sql`count(*)`,
    ...compliance(now),
    running: sql`count(*) FILTER (WHERE f.acted_at IS NULL AND f.due_at >= ${now.getTime()})`,
    times: TIMES,
  })
  const rows = spans.map((span) => ({
    name: span.label,
    started: 0,
    inTime: 0,
    breached: 0,
    running: 0,
    times: [] as number[][],
  }))
  for (const { i, counts: cell } of clockCells(db, counts, kind, query, periods)) {
    const row = rows[i]
    if (!row) continue
    row.started += cell.started
    row.inTime += cell.inTime
    row.breached += cell.breached
    row.running += cell.running
    row.times.push(cell.times)
  }
  return rows.map(({ times, ...row }) => {
    const { median, p90 } = percentiles(times)
    return {
      ...row,
      compliance: rate(row.inTime, row.inTime + row.breached),
      medianMs: median,
      p90Ms: p90,
    }
  })
}

type ReviewRow = {
  name: string
  opened: number
  decided: number
  inTime: number
  openOverdue: number
  /** Decided in time ÷ (decided + open past their review due time). */
  compliance: number | null
  medianMs: number | null
  p90Ms: number | null
}

/**
 * Cases opened in each period: how many were decided within the review SLA, and how fast.
 * Imported cases (a CRM's rejections, not reviewed) have no review clock: they are left out
 * whatever the history filter says, until the committee takes them up.
 */
export function reviewReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ReviewRow[] {
  const summarised = summarisedReview(db, query, range, timeZone, now)
  if (summarised)
    return summarised.map(({ medianMs, p90Ms, ...row }) => ({
      ...row,
      compliance: rate(row.inTime, row.decided + row.openOverdue),
      medianMs,
      p90Ms,
    }))
  const { spans, periods } = periodTable(query.period, range, timeZone)
  const counts = packed<{
    opened: number
    decided: number
    inTime: number
    openOverdue: number
    times: number[]
  }>({
    opened: sql`count(*)`,
    decided: sql`count(c.decided_at)`,
    inTime: sql`count(*) FILTER (WHERE c.decided_at <= c.review_due_at)`,
    openOverdue: sql`count(*) FILTER (WHERE c.status = 'in_review'
      AND c.review_due_at < ${now.getTime()})`,
    // In whole minutes, as the summaries keep them (docs/metrics.md).
    times: sql`json_group_array(c.review_working_ms / 60000 * 60000)
      FILTER (WHERE c.decided_at IS NOT NULL AND c.review_working_ms IS NOT NULL)`,
  })
  const cells = db.all<{ i: number; counts: string }>(sql`
    WITH ${periods}
    SELECT p.i AS i, (
      SELECT ${counts.sql} FROM cases c
      WHERE ${ANY_KIND} AND ${NOT_IMPORTED}
        AND c.opened_at >= p.start AND c.opened_at < p.finish ${caseFilters(query)}
    ) AS counts
    FROM periods p`)
  const rows: ReviewRow[] = []
  for (const { i, counts: json } of cells) {
    const { times, ...row } = counts.unpack(json)
    const { median, p90 } = percentiles([times])
    rows[i] = {
      name: spans[i]?.label ?? '',
      ...row,
      compliance: rate(row.inTime, row.decided + row.openOverdue),
      medianMs: median,
      p90Ms: p90,
    }
  }
  return rows
}

export function slaReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
) {
  // One read transaction: the sections' figures are of one snapshot.
  return db.transaction(
    (tx) => ({
      followUp: clockReport(tx, 'hand_over', query, range, timeZone, now),
      review: reviewReport(tx, query, range, timeZone, now),
      return: clockReport(tx, 'return', query, range, timeZone, now),
    }),
    { behavior: 'deferred' },
  )
}

/** The SLA report's numbers as CSV rows (a header, then each section), as the page shows them. */
export function slaCsvRows(report: ReturnType<typeof slaReport>): (string | number)[][] {
  const clocks = (section: string, rows: typeof report.followUp) =>
    rows.map((r) => [
      section,
      r.name,
      r.started,
      '',
      r.inTime,
      r.breached,
      '',
      r.running,
      percentCell(r.compliance),
      hoursCell(r.medianMs),
      hoursCell(r.p90Ms),
    ])
  return [
    [
      'section',
      'period',
      'count',
      'decided',
      'in_time',
      'breached',
      'open_overdue',
      'running',
      'compliance_percent',
      'median_hours',
      'p90_hours',
    ],
    ...clocks('Follow-up', report.followUp),
    ...report.review.map((r) => [
      'Review',
      r.name,
      r.opened,
      r.decided,
      r.inTime,
      '',
      r.openOverdue,
      '',
      percentCell(r.compliance),
      hoursCell(r.medianMs),
      hoursCell(r.p90Ms),
    ]),
    ...clocks('Return', report.return),
  ]
}
