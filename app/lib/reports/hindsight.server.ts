// Hindsight (docs/metrics.md): what became of rejected leads, and how often the rejection, and
// the committee's verdict, were right in the light of it.
import { sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { OUTCOMES, type Outcome, REAL_BUYER_OUTCOMES } from '~db/enums'
import { caseFilters } from './accuracy.server'
import { periodTable } from './periods'
import type { ReportQuery } from './report-query'

export type HindsightRow = {
  name: string
  rejected: number
  known: number
  realBuyers: number
  notBuyers: number
  /** Rejected leads found not to be real buyers ÷ rejected leads with a known outcome. */
  rejectionAccuracy: number | null
  verdictsKnown: number
  verdictsRight: number
  /** Verdicts borne out by the outcome ÷ decided cases with a known outcome. */
  verdictAccuracy: number | null
}

const real = sql.raw(REAL_BUYER_OUTCOMES.map((o) => `'${o}'`).join(', '))
// The lead's latest outcome, as known now.
const LATEST = sql`(SELECT o.outcome FROM outcomes o WHERE o.lead_id = c.lead_id ORDER BY o.occurred_on DESC, o.id DESC LIMIT 1)`

const COUNTS = sql`
  count(c.id) AS rejected,
  count(h.outcome) AS known,
  coalesce(sum(h.outcome IN (${real})), 0) AS realBuyers,
  coalesce(sum(h.outcome NOT IN (${real})), 0) AS notBuyers,
  coalesce(sum(h.outcome IS NOT NULL AND c.verdict IS NOT NULL), 0) AS verdictsKnown,
  coalesce(sum(
    (c.verdict = 'meets' AND h.outcome IN (${real})) OR
    (c.verdict = 'does_not_meet' AND h.outcome NOT IN (${real}))
  ), 0) AS verdictsRight`

type Counts = Omit<HindsightRow, 'name' | 'rejectionAccuracy' | 'verdictAccuracy'>
const withRates = <T extends Counts>(row: T) => ({
  ...row,
  rejectionAccuracy: row.known > 0 ? row.notBuyers / row.known : null,
  verdictAccuracy: row.verdictsKnown > 0 ? row.verdictsRight / row.verdictsKnown : null,
})

export function hindsightReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, values } = periodTable(query.period, range, timeZone)
  const filters = caseFilters(query)
  // Each rejected case of the range with its lead's latest outcome, joined as `h`.
  const latest = sql`LEFT JOIN (SELECT c.id AS case_id, ${LATEST} AS outcome FROM cases c
    WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end}) h
    ON h.case_id = c.id`
  const periods = db.all<Counts & { i: number }>(sql`
    WITH periods(i, start, finish) AS (VALUES ${values})
    SELECT p.i AS i, ${COUNTS}
    FROM periods p
    LEFT JOIN cases c
      ON c.kind = 'rejected' AND c.opened_at >= p.start AND c.opened_at < p.finish ${filters}
    ${latest}
    GROUP BY p.i
    ORDER BY p.i`)
  const outcomes = db.all<{ outcome: Outcome; n: number }>(sql`
    SELECT ${LATEST} AS outcome, count(*) AS n
    FROM cases c
    WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}
      AND ${LATEST} IS NOT NULL
    GROUP BY 1`)
  const total = db.get<Counts>(sql`
    SELECT ${COUNTS}
    FROM cases c ${latest}
    WHERE c.kind = 'rejected' AND c.opened_at >= ${start} AND c.opened_at < ${end} ${filters}`)
  return {
    periods: periods.map(({ i, ...row }) => withRates({ ...row, name: spans[i]?.label ?? '' })),
    total: withRates({ name: 'All', ...(total as Counts) }),
    outcomes: OUTCOMES.map((outcome) => ({
      outcome,
      realBuyer: REAL_BUYER_OUTCOMES.includes(outcome),
      count: outcomes.find((o) => o.outcome === outcome)?.n ?? 0,
    })),
  }
}
