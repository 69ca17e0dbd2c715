import type { LoaderFunctionArgs } from '@remix-run/node'
import { type AccuracyRow, accuracyReport } from '~/domain/reports/accuracy.server'
import { BREAKDOWN_LABELS, percentCell, reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The accuracy report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, query, range, timeZone } = await reportRequest(args, 'accuracy')
  const report = accuracyReport(db, query, range, timeZone)
  const rows: [string, AccuracyRow][] = [
    ...report.periods.map((r): [string, AccuracyRow] => ['Period', r]),
    ['Total', report.total],
    ...report.breakdown.map((r): [string, AccuracyRow] => [BREAKDOWN_LABELS[query.by], r]),
  ]
  return csvResponse(reportFileName('accuracy', query, range), [
    ['section', 'name', 'opened', 'decided', 'upheld', 'overturned', 'open', 'accuracy_percent'],
    ...rows.map(([section, r]) => [
      section,
      r.name,
      r.opened,
      r.decided,
      r.upheld,
      r.overturned,
      r.open,
      percentCell(r.accuracy),
    ]),
  ])
}
