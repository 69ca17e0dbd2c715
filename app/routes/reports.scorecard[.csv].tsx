import type { LoaderFunctionArgs } from '@remix-run/node'
import { hoursCell, percentCell, reportFileName } from '~/domain/reports/query'
import { repScorecard } from '~/domain/reports/sla.server'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The rep scorecard as CSV, exactly as the page shows it. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, now, query, range, timeZone } = await reportRequest(args, 'scorecard')
  const rows = repScorecard(db, query, range, timeZone, now)
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
