import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { verdictCsvRows, verdictReport } from '~/domain/reports/verdicts.server'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The verdict report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, query, range, timeZone } = await reportRequest(args, 'verdicts')
  const report = verdictReport(db, query, range, timeZone)
  return csvResponse(reportFileName('verdicts', query, range), verdictCsvRows(report))
}
