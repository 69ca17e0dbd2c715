import type { LoaderFunctionArgs } from '@remix-run/node'
import { percentCell, reportFileName } from '~/domain/reports/query'
import { type QualityRow, sourceQualityReport } from '~/domain/reports/source-quality.server'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The source and campaign quality report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, query, range, timeZone } = await reportRequest(args, 'sources')
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
