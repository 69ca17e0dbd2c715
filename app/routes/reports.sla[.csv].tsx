import type { LoaderFunctionArgs } from '@remix-run/node'
import { reportFileName } from '~/domain/reports/query'
import { slaReport } from '~/domain/reports/sla.server'
import { csvResponse, hoursCell, percentCell, reportRequest } from '~/http/report-view.server'

/** The SLA report's numbers as CSV, exactly as the page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const { db, now, query, range, timeZone } = await reportRequest(args, 'sla')
  const report = slaReport(db, query, range, timeZone, now)
  const clocks = (section: string, rows: typeof report.followUp) =>
    rows.map((r) => [
      section,
      r.name,
      r.started,
      '',
      r.inTime,
      r.breached,
      '',
      r.running,
      percentCell(r.compliance),
      hoursCell(r.medianMs),
      hoursCell(r.p90Ms),
    ])
  return csvResponse(reportFileName('sla', query, range), [
    [
      'section',
      'period',
      'count',
      'decided',
      'in_time',
      'breached',
      'open_overdue',
      'running',
      'compliance_percent',
      'median_hours',
      'p90_hours',
    ],
    ...clocks('Follow-up', report.followUp),
    ...report.review.map((r) => [
      'Review',
      r.name,
      r.opened,
      r.decided,
      r.inTime,
      '',
      r.openOverdue,
      '',
      percentCell(r.compliance),
      hoursCell(r.medianMs),
      hoursCell(r.p90Ms),
    ]),
    ...clocks('Return', report.return),
  ])
}
