// Hindsight (docs/metrics.md): what became of rejected leads, and how often the rejection, and
// the committee's verdict, were right in the light of it.
import { sql } from 'drizzle-orm'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { offsetsOf } from '~/domain/summaries/calendar'
import { grainOf } from '~/domain/summaries/grains'
import {
  hindsightFamily,
  hindsightSummariesAnswer,
  hindsightSummaryCells,
} from '~/domain/summaries/hindsight.server'
import { fromSummariesOr } from '~/domain/summaries/state.server'
import type { Queryable } from '~db/connection'
import { OUTCOMES, type Outcome, REAL_BUYER_OUTCOMES, type Verdict } from '~db/enums'
import { caseFilters } from './accuracy.server'
import { sumCounts } from './cells.server'
import { periodTable } from './periods'
import { percentCell, periodAndTotalRows, type ReportQuery } from './query'

type HindsightRow = {
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

type Counts = Omit<HindsightRow, 'name' | 'rejectionAccuracy' | 'verdictAccuracy'>
const zero = (): Counts => ({
  rejected: 0,
  known: 0,
  realBuyers: 0,
  notBuyers: 0,
  verdictsKnown: 0,
  verdictsRight: 0,
})
const withRates = <T extends Counts>(row: T) => ({
  ...row,
  rejectionAccuracy: row.known > 0 ? row.notBuyers / row.known : null,
  verdictAccuracy: row.verdictsKnown > 0 ? row.verdictsRight / row.verdictsKnown : null,
})

type Known = { i: number; outcome: Outcome; verdict: Verdict | null; n: number }

/** The report from its cells: rejected cases per period, and those with a known outcome. */
function reportOf(spans: readonly { label: string }[], rejected: number[], known: Known[]) {
  const byPeriod = spans.map(zero)
  rejected.forEach((n, i) => {
    ;(byPeriod[i] as Counts).rejected = n
  })
  const byOutcome = new Map<Outcome, number>()
  for (const { i, outcome, verdict, n } of known) {
    const row = byPeriod[i] as Counts
    const realBuyer = REAL_BUYER_OUTCOMES.includes(outcome)
    row.known += n
    if (realBuyer) row.realBuyers += n
    else row.notBuyers += n
    if (verdict !== null) row.verdictsKnown += n
    if ((verdict === 'meets' && realBuyer) || (verdict === 'does_not_meet' && !realBuyer))
      row.verdictsRight += n
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + n)
  }
  const total = sumCounts(byPeriod, zero())
  return {
    periods: byPeriod.map((row, i) => withRates({ name: spans[i]?.label ?? '', ...row })),
    total: withRates({ name: 'All', ...total }),
    outcomes: OUTCOMES.map((outcome) => ({
      outcome,
      realBuyer: REAL_BUYER_OUTCOMES.includes(outcome),
      count: byOutcome.get(outcome) ?? 0,
    })),
  }
}

/**
 * The report from the raw rows: the oracle of the summaries, and what is read while they are
 * rebuilt or for filters they do not answer (two of rep, reason, source or campaign).
 */
export function hindsightRaw(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, start, end, periods } = periodTable(query.period, range, timeZone)
  // Rejected cases per period: one range of the (kind, opened_at, …) covering index each.
  const rejected = db.all<{ i: number; n: number }>(sql`
    WITH ${periods}
    SELECT p.i AS i, (
      SELECT count(*) FROM cases c
      WHERE c.kind = 'rejected' AND c.opened_at >= p.start AND c.opened_at < p.finish
        ${caseFilters(query)}
    ) AS n
    FROM periods p`)
  // Outcomes are few beside cases: from each lead's latest outcome (the latest date, then the
  // last recorded) to the lead's rejected cases of the range, counted per period, outcome and
  // verdict. The lead's cases come from cases_report_lead_idx, which has no status: hidden
  // imported cases are told by their ids.
  const known = db.all<Known>(sql`
    WITH ${periods}
    SELECT p.i AS i, o.outcome AS outcome, c.verdict AS verdict, count(*) AS n
    FROM outcomes o
    CROSS JOIN cases c
    CROSS JOIN periods p
    WHERE NOT EXISTS (
        SELECT 1 FROM outcomes later WHERE later.lead_id = o.lead_id
          AND (later.occurred_on > o.occurred_on
            OR (later.occurred_on = o.occurred_on AND later.id > o.id)))
      AND c.kind = 'rejected' AND c.lead_id = o.lead_id
      AND c.opened_at >= ${start} AND c.opened_at < ${end}
      ${caseFilters(query, { imported: 'by-id' })}
      AND c.opened_at >= p.start AND c.opened_at < p.finish
    GROUP BY p.i, o.outcome, c.verdict`)
  const perPeriod = spans.map(() => 0)
  for (const { i, n } of rejected) perPeriod[i] = n
  return reportOf(spans, perPeriod, known)
}

/** The report from the `hindsight` summaries (decision 34): rows per week or month. */
export function hindsightFromSummaries(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans } = periodTable(query.period, range, timeZone)
  const grain = grainOf(query.period, spans, offsetsOf(timeZone))
  const rejected = spans.map(() => 0)
  const known: Known[] = []
  for (const { period, outcome, verdict, n } of hindsightSummaryCells(db, query, grain)) {
    const i = grain.indexOf(period)
    rejected[i] = (rejected[i] as number) + n
    if (outcome !== '') known.push({ i, outcome, verdict: verdict === '' ? null : verdict, n })
  }
  return reportOf(spans, rejected, known)
}

/**
 * Hindsight: from the summaries when the `hindsight` family is complete for the organisation's
 * zone and answers the filters, else from the raw rows; in one read transaction.
 */
export function hindsightReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  return fromSummariesOr(db, hindsightFamily, timeZone, hindsightSummariesAnswer(query), {
    summaries: (tx) => hindsightFromSummaries(tx, query, range, timeZone),
    raw: (tx) => hindsightRaw(tx, query, range, timeZone),
  })
}

/** The hindsight report's numbers as CSV rows (a header, then each section), as the page shows them. */
export function hindsightCsvRows(
  report: ReturnType<typeof hindsightReport>,
): (string | number)[][] {
  return [
    [
      'section',
      'name',
      'rejected',
      'outcome_known',
      'real_buyers',
      'not_buyers',
      'rejection_hindsight_accuracy_percent',
      'verdicts_with_outcome',
      'verdicts_right',
      'verdict_hindsight_accuracy_percent',
    ],
    ...periodAndTotalRows(report, (r) => [
      r.name,
      r.rejected,
      r.known,
      r.realBuyers,
      r.notBuyers,
      percentCell(r.rejectionAccuracy),
      r.verdictsKnown,
      r.verdictsRight,
      percentCell(r.verdictAccuracy),
    ]),
    ...report.outcomes.map((o) => ['Outcome', OUTCOME_LABELS[o.outcome], o.count]),
  ]
}
