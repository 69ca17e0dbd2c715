import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { type QualityRow, sourceQualityReport } from '~/domain/reports/source-quality.server'
import { requireRole } from '~/http/guards.server'
import { csvResponse, percentCell, reportRequest } from '~/http/report-view.server'
import { getDb } from '~/platform/db.server'

/** The source and campaign quality report's numbers as CSV, exactly as the page shows them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'marketer')
  const db = getDb()
  const { query, range, timeZone } = reportRequest(db, user, request)
  const report = sourceQualityReport(db, query, range, timeZone)
  const rows: [string, QualityRow][] = [
    ...report.periods.map((r): [string, QualityRow] => ['Period', r]),
    ...report.bySource.map((r): [string, QualityRow] => ['Source', r]),
    ...report.byCampaign.map((r): [string, QualityRow] => ['Campaign', r]),
  ]
  return csvResponse(reportFileName('sources', query, range), [
    [
      'section',
      'name',
      'handed_over',
      'rejected',
      'confirmed_bad',
      'confirmed_good',
      'confirmed_bad_percent',
    ],
    ...rows.map(([section, r]) => [
      section,
      r.name,
      r.handedOver,
      r.rejected,
      r.confirmedBad,
      r.confirmedGood,
      percentCell(r.confirmedBadRate),
    ]),
  ])
}
