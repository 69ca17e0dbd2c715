import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { csvResponse, reportRequest, runReport } from '~/http/report-view.server'

/** The hindsight of the definition's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { query, range, input } = await reportRequest(args, 'definition')
  return csvResponse(
    reportFileName('definition', query, range),
    await runReport('definition.csv', input),
  )
}
