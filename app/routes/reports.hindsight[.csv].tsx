import type { LoaderFunctionArgs } from '@remix-run/node'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { hindsightReport } from '~/domain/reports/hindsight.server'
import { reportFileName } from '~/domain/reports/query'
import { requireRole } from '~/http/guards.server'
import { csvResponse, percentCell, reportRequest } from '~/http/report-view.server'
import { getDb } from '~/platform/db.server'

/** The hindsight report's numbers as CSV, exactly as the page shows them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'rep')
  const db = getDb()
  const { query, range, timeZone } = reportRequest(db, user, request)
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
