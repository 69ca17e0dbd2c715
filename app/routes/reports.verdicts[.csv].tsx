import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest, runReport } from '~/http/report-view.server'

/** The verdict report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { query, range, input } = await reportRequest(args, 'verdicts')
  return csvResponse(
    reportFileName('verdicts', query, range),
    await runReport('verdicts.csv', input),
  )
}
