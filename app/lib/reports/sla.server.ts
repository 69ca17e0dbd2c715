// The SLA report and the rep scorecard (docs/metrics.md): follow-up, return and review clocks,
// counted in SQL, with medians and 90th percentiles by nearest rank.
import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { periodTable } from './periods'
import type { ReportQuery } from './report-query'

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

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/**
 * Nearest-rank percentiles of `value` per `grp` over the rows `source` selects: the median is
 * the value at rank ceil(n/2) (the lower middle value of an even count), the 90th percentile
 * the one at rank ceil(0.9 n).
 */
function percentiles(db: Queryable, source: SQL) {
  return new Map(
    db
      .all<{ grp: number; median: number | null; p90: number | null }>(sql`
        WITH v AS (${source}),
        ranked AS (
          SELECT grp, value,
            row_number() OVER (PARTITION BY grp ORDER BY value) AS rn,
            count(*) OVER (PARTITION BY grp) AS n
          FROM v WHERE value IS NOT NULL)
        SELECT grp,
          max(CASE WHEN rn = (n + 1) / 2 THEN value END) AS median,
          max(CASE WHEN rn = (9 * n + 9) / 10 THEN value END) AS p90
        FROM ranked GROUP BY grp`)
      .map((r) => [r.grp, r]),
  )
}

function leadFilters(query: ReportQuery): SQL {
  return sql.join(
    [
      query.repId ? sql` AND f.rep_id = ${query.repId}` : sql``,
      query.source ? sql` AND l.source = ${query.source}` : sql``,
      query.campaign ? sql` AND l.campaign = ${query.campaign}` : sql``,
    ],
    sql``,
  )
}

/** Follow-up or return clocks started in each period. */
function clockReport(
  db: Queryable,
  kind: 'hand_over' | 'return',
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ClockRow[] {
  const { spans, values } = periodTable(query.period, range, timeZone)
  const filters = leadFilters(query)
  const acted = sql`f.action IN ('accepted', 'rejected')`
  const rows = db.all<{
    i: number
    started: number
    inTime: number
    breached: number
    running: number
  }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i,
      count(f.id) AS started,
      coalesce(sum(${acted} AND f.acted_at <= f.due_at), 0) AS inTime,
      coalesce(sum(f.action = 'ignored' OR (${acted} AND f.acted_at > f.due_at)
        OR (f.acted_at IS NULL AND f.due_at < ${now.getTime()})), 0) AS breached,
      coalesce(sum(f.acted_at IS NULL AND f.due_at >= ${now.getTime()}), 0) AS running
    FROM periods p
    LEFT JOIN (follow_ups f JOIN leads l ON l.id = f.lead_id)
      ON f.kind = ${kind} AND f.started_at >= p.start AND f.started_at < p.finish ${filters}
    GROUP BY p.i ORDER BY p.i`)
  const times = percentiles(
    db,
    sql`SELECT p.i AS grp, f.working_ms AS value
        FROM (WITH periods(i, start, finish) AS (VALUES ${values}) SELECT * FROM periods) p
        JOIN follow_ups f ON f.kind = ${kind} AND f.started_at >= p.start AND f.started_at < p.finish
        JOIN leads l ON l.id = f.lead_id
        WHERE ${acted} ${filters}`,
  )
  return rows.map((r) => ({
    name: spans[r.i]?.label ?? '',
    started: r.started,
    inTime: r.inTime,
    breached: r.breached,
    running: r.running,
    compliance: rate(r.inTime, r.inTime + r.breached),
    medianMs: times.get(r.i)?.median ?? null,
    p90Ms: times.get(r.i)?.p90 ?? null,
  }))
}

export type ReviewRow = {
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

/** Cases opened in each period: how many were decided within the review SLA, and how fast. */
function reviewReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ReviewRow[] {
  const { spans, values } = periodTable(query.period, range, timeZone)
  const filters = sql.join(
    [
      query.repId ? sql` AND c.rep_id = ${query.repId}` : sql``,
      query.reasonId ? sql` AND c.reason_id = ${query.reasonId}` : sql``,
      query.source ? sql` AND c.source = ${query.source}` : sql``,
      query.campaign ? sql` AND c.campaign = ${query.campaign}` : sql``,
    ],
    sql``,
  )
  const rows = db.all<{
    i: number
    opened: number
    decided: number
    inTime: number
    openOverdue: number
  }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i,
      count(c.id) AS opened,
      count(c.decided_at) AS decided,
      coalesce(sum(c.decided_at <= c.review_due_at), 0) AS inTime,
      coalesce(sum(c.status = 'in_review' AND c.review_due_at < ${now.getTime()}), 0) AS openOverdue
    FROM periods p
    LEFT JOIN cases c ON c.opened_at >= p.start AND c.opened_at < p.finish ${filters}
    GROUP BY p.i ORDER BY p.i`)
  const times = percentiles(
    db,
    sql`SELECT p.i AS grp, c.review_working_ms AS value
        FROM (WITH periods(i, start, finish) AS (VALUES ${values}) SELECT * FROM periods) p
        JOIN cases c ON c.opened_at >= p.start AND c.opened_at < p.finish
        WHERE c.decided_at IS NOT NULL ${filters}`,
  )
  return rows.map(({ i, ...r }) => ({
    name: spans[i]?.label ?? '',
    ...r,
    compliance: rate(r.inTime, r.decided + r.openOverdue),
    medianMs: times.get(i)?.median ?? null,
    p90Ms: times.get(i)?.p90 ?? null,
  }))
}

export function slaReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
) {
  return {
    followUp: clockReport(db, 'hand_over', query, range, timeZone, now),
    review: reviewReport(db, query, range, timeZone, now),
    return: clockReport(db, 'return', query, range, timeZone, now),
  }
}

export type ScorecardRow = {
  repId: number
  name: string
  received: number
  accepted: number
  rejected: number
  ignored: number
  /** Accepted ÷ received. */
  acceptanceRate: number | null
  /** Upheld ÷ decided, over the rep's rejections opened in the range. */
  accuracy: number | null
  medianMs: number | null
  /** Follow-up SLA compliance: acted in time ÷ (in time + breached). */
  compliance: number | null
}

/** Per rep, over the leads handed to them in the range (the follow-up clocks started in it). */
export function repScorecard(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ScorecardRow[] {
  const { start, end } = periodTable(query.period, range, timeZone)
  const filters = leadFilters(query)
  const inRange = sql`f.kind = 'hand_over' AND f.started_at >= ${start} AND f.started_at < ${end} ${filters}`
  const acted = sql`f.action IN ('accepted', 'rejected')`
  const rows = db.all<{
    repId: number
    name: string
    received: number
    accepted: number
    rejected: number
    ignored: number
    inTime: number
    breached: number
  }>(sql`
    SELECT f.rep_id AS repId, u.name AS name,
      count(f.id) AS received,
      coalesce(sum(f.action = 'accepted'), 0) AS accepted,
      coalesce(sum(f.action = 'rejected'), 0) AS rejected,
      coalesce(sum(f.action = 'ignored'), 0) AS ignored,
      coalesce(sum(${acted} AND f.acted_at <= f.due_at), 0) AS inTime,
      coalesce(sum(f.action = 'ignored' OR (${acted} AND f.acted_at > f.due_at)
        OR (f.acted_at IS NULL AND f.due_at < ${now.getTime()})), 0) AS breached
    FROM follow_ups f JOIN leads l ON l.id = f.lead_id JOIN users u ON u.id = f.rep_id
    WHERE ${inRange}
    GROUP BY f.rep_id ORDER BY u.name`)
  const accuracy = new Map(
    db
      .all<{ repId: number; decided: number; upheld: number }>(sql`
        SELECT c.rep_id AS repId, count(c.verdict) AS decided,
          coalesce(sum(c.verdict = 'does_not_meet'), 0) AS upheld
        FROM cases c
        WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end}
          ${query.repId ? sql` AND c.rep_id = ${query.repId}` : sql``}
          ${query.source ? sql` AND c.source = ${query.source}` : sql``}
          ${query.campaign ? sql` AND c.campaign = ${query.campaign}` : sql``}
        GROUP BY c.rep_id`)
      .map((r) => [r.repId, rate(r.upheld, r.decided)]),
  )
  const times = percentiles(
    db,
    sql`SELECT f.rep_id AS grp, f.working_ms AS value
        FROM follow_ups f JOIN leads l ON l.id = f.lead_id
        WHERE ${inRange} AND ${acted}`,
  )
  return rows.map(({ inTime, breached, ...r }) => ({
    ...r,
    acceptanceRate: rate(r.accepted, r.received),
    accuracy: accuracy.get(r.repId) ?? null,
    medianMs: times.get(r.repId)?.median ?? null,
    compliance: rate(inTime, inTime + breached),
  }))
}
