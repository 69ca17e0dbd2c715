import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest, runReport } from '~/http/report-view.server'

/** The rep scorecard as CSV, exactly as the page shows it. */
export async function loader(args: LoaderFunctionArgs) {
  const { query, range, input } = await reportRequest(args, 'scorecard')
  return csvResponse(
    reportFileName('scorecard', query, range),
    await runReport('scorecard.csv', input),
  )
}
