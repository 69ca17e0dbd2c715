import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { formatHours, formatRate, PERIOD_LABELS } from '~/domain/reports/query'
import type { ClockRow } from '~/domain/reports/sla.server'
import { versionMarkers } from '~/domain/reports/version-markers.server'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Service levels · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, query, range, input } = await reportRequest(args, 'sla')
  return {
    period: query.period,
    markers: versionMarkers(db, query.period, range, input.timeZone),
    range,
    report: await runReport('sla', input),
    ...reportFilterOptions(db, user),
  }
}

function ClockTable({ caption, rows }: { caption: string; rows: ClockRow[] }) {
  return (
    <Table
      caption={caption}
      columns={[
        'Period',
        'Clocks',
        'In time',
        'Breached',
        'Running',
        'Compliance',
        'Median',
        '90th percentile',
      ]}
    >
      {rows.map((r) => (
        <tr key={r.name}>
          <Td>{r.name}</Td>
          <Td>{r.started}</Td>
          <Td>{r.inTime}</Td>
          <Td>{r.breached}</Td>
          <Td>{r.running}</Td>
          <Td className="font-medium">{formatRate(r.compliance)}</Td>
          <Td>{formatHours(r.medianMs)}</Td>
          <Td>{formatHours(r.p90Ms)}</Td>
        </tr>
      ))}
    </Table>
  )
}

export default function SlaReport() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  return (
    <ReportFrame
      title="Service levels"
      path="/reports/sla"
      metric="sla-report"
      data={data}
      stage
      handOver
      description={
        <>
          Follow-up (reps acting on new leads), review (the committee deciding cases) and return
          (reps acting on returned leads), by the period each clock started. Times are working time.
        </>
      }
    >
      <Card title="Follow-up SLA">
        <TrendChart
          title="Follow-up SLA compliance by period"
          periodTitle={`${PERIOD_LABELS[data.period]} the clock started`}
          rows={report.followUp}
          bar={{ label: 'Leads handed over', value: (r) => r.started }}
          rate={{
            label: 'Compliance',
            value: (r) => r.compliance,
            successes: (r) => r.inTime,
            n: (r) => r.inTime + r.breached,
            nLabel: 'clocks judged',
          }}
          markers={data.markers}
        />
        <ClockTable caption="Follow-up SLA by period" rows={report.followUp} />
      </Card>
      <Card title="Review SLA">
        <Table
          caption="Review SLA by period"
          columns={[
            'Period',
            'Cases opened',
            'Decided',
            'Decided in time',
            'Open and overdue',
            'Compliance',
            'Median to verdict',
            '90th percentile',
          ]}
        >
          {report.review.map((r) => (
            <tr key={r.name}>
              <Td>{r.name}</Td>
              <Td>{r.opened}</Td>
              <Td>{r.decided}</Td>
              <Td>{r.inTime}</Td>
              <Td>{r.openOverdue}</Td>
              <Td className="font-medium">{formatRate(r.compliance)}</Td>
              <Td>{formatHours(r.medianMs)}</Td>
              <Td>{formatHours(r.p90Ms)}</Td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title="Return SLA (leads the committee sent back)">
        <ClockTable caption="Return SLA by period" rows={report.return} />
      </Card>
    </ReportFrame>
  )
}
