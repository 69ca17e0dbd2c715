import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest, runReport } from '~/http/report-view.server'

/** The source and campaign quality report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { query, range, input } = await reportRequest(args, 'sources')
  return csvResponse(reportFileName('sources', query, range), await runReport('sources.csv', input))
}
