// The verdict report (docs/metrics.md): what the committee decided, whether it followed the
// definition, where it departed from it, how united it was, and who took part.
import { sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { OUTSIDE_THE_DEFINITION } from '../deciding'
import { criterionChoices } from '../reasons.server'
import { caseFilters } from './accuracy.server'
import { periodTable } from './periods'
import type { ReportQuery } from './report-query'

export type VerdictRow = {
  name: string
  decided: number
  meets: number
  disqualified: number
  nurture: number
  agree: number
  /** Verdicts that agree with the definition ÷ decided. */
  agreement: number | null
  unanimous: number
  split: number
  byChair: number
  conceded: number
}

const COUNTS = sql`
  coalesce(sum(c.status = 'decided'), 0) AS decided,
  coalesce(sum(c.status = 'decided' AND c.verdict = 'meets'), 0) AS meets,
  coalesce(sum(c.status = 'decided' AND c.disposition = 'disqualified'), 0) AS disqualified,
  coalesce(sum(c.status = 'decided' AND c.disposition = 'nurture'), 0) AS nurture,
  coalesce(sum(c.status = 'decided' AND c.agrees_with_definition = 1), 0) AS agree,
  coalesce(sum(c.status = 'decided' AND c.unanimous = 1), 0) AS unanimous,
  coalesce(sum(c.status = 'decided' AND c.unanimous = 0), 0) AS split,
  coalesce(sum(c.status = 'decided' AND c.decided_by_chair = 1), 0) AS byChair,
  coalesce(sum(c.status = 'conceded'), 0) AS conceded`

type Counts = Omit<VerdictRow, 'name' | 'agreement'>
const withAgreement = <T extends Counts>(row: T) => ({
  ...row,
  agreement: row.decided > 0 ? row.agree / row.decided : null,
})

export function verdictReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, values } = periodTable(query.period, range, timeZone)
  const filters = caseFilters(query)
  const inRange = sql`c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}`
  const periods = db.all<Counts & { i: number }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i, ${COUNTS}
    FROM periods p
    LEFT JOIN cases c ON c.opened_at >= p.start AND c.opened_at < p.finish ${filters}
    GROUP BY p.i
    ORDER BY p.i`)
  const total = db.get<Counts>(sql`SELECT ${COUNTS} FROM cases c WHERE ${inRange}`) as Counts
  const labels = new Map(criterionChoices(db).map((c) => [c.key, c.label]))
  const departures = db
    .all<{ key: string; n: number }>(sql`
      SELECT d.value AS key, count(*) AS n
      FROM cases c, json_each(c.departures) d
      WHERE c.status = 'decided' AND ${inRange}
      GROUP BY d.value
      ORDER BY n DESC, key`)
    .map((d) => ({
      criterion:
        d.key === OUTSIDE_THE_DEFINITION
          ? 'No criterion (the definition has none for it)'
          : (labels.get(d.key) ?? d.key),
      count: d.n,
    }))
  const participation = db
    .all<{ name: string; seat: string | null; votes: number; recused: number }>(sql`
      SELECT u.name AS name, u.seat AS seat,
        (SELECT count(*) FROM votes v JOIN cases c ON c.id = v.case_id
          WHERE v.member_id = u.id AND c.status = 'decided' AND ${inRange}) AS votes,
        (SELECT count(*) FROM recusals r JOIN cases c ON c.id = r.case_id
          WHERE r.member_id = u.id AND c.status = 'decided' AND ${inRange}) AS recused
      FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'committee'
      ORDER BY u.name`)
    .map((m) => ({
      ...m,
      participation: total.decided > 0 ? m.votes / total.decided : null,
    }))
  return {
    periods: periods.map(({ i, ...row }) => withAgreement({ ...row, name: spans[i]?.label ?? '' })),
    total: withAgreement({ name: 'All', ...total }),
    departures,
    participation,
  }
}
