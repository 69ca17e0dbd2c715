import type { LoaderFunctionArgs } from '@remix-run/node'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { hindsightReport } from '~/domain/reports/hindsight.server'
import { percentCell, reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The hindsight report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, query, range, timeZone } = await reportRequest(args, 'hindsight')
  const report = hindsightReport(db, query, range, timeZone)
  return csvResponse(reportFileName('hindsight', query, range), [
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
    ...[...report.periods.map((r) => ['Period', r] as const), ['Total', report.total] as const].map(
      ([section, r]) => [
        section,
        r.name,
        r.rejected,
        r.known,
        r.realBuyers,
        r.notBuyers,
        percentCell(r.rejectionAccuracy),
        r.verdictsKnown,
        r.verdictsRight,
        percentCell(r.verdictAccuracy),
      ],
    ),
    ...report.outcomes.map((o) => ['Outcome', OUTCOME_LABELS[o.outcome], o.count]),
  ])
}
