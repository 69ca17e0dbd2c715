import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'
import { reportFileName } from '~/lib/reports/report-query'
import {
  csvResponse,
  hoursCell,
  percentCell,
  reportRequest,
} from '~/lib/reports/report-view.server'
import { repScorecard } from '~/lib/reports/sla.server'

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
