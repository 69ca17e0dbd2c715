import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { slaCsvRows, slaReport } from '~/domain/reports/sla.server'
import { csvResponse, reportRequest } from '~/http/report-view.server'

/** The SLA report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, now, query, range, timeZone } = await reportRequest(args, 'sla')
  const report = slaReport(db, query, range, timeZone, now)
  return csvResponse(reportFileName('sla', query, range), slaCsvRows(report))
}
