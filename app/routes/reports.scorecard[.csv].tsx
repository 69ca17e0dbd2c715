import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { repScorecard } from '~/domain/reports/sla.server'
import { requireRole } from '~/http/guards.server'
import { csvResponse, hoursCell, percentCell, reportRequest } from '~/http/report-view.server'
import { getDb } from '~/platform/db.server'

/** The rep scorecard as CSV, exactly as the page shows it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'rep')
  const db = getDb()
  const { query, range, timeZone } = reportRequest(db, user, request)
  const rows = repScorecard(db, query, range, timeZone, new Date())
  return csvResponse(reportFileName('scorecard', query, range), [
    [
      'rep',
      'received',
      'accepted',
      'rejected',
      'ignored',
      'acceptance_percent',
      'accuracy_percent',
      'median_hours_to_first_action',
      'sla_compliance_percent',
    ],
    ...rows.map((r) => [
      r.name,
      r.received,
      r.accepted,
      r.rejected,
      r.ignored,
      percentCell(r.acceptanceRate),
      percentCell(r.accuracy),
      hoursCell(r.medianMs),
      percentCell(r.compliance),
    ]),
  ])
}
