import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import type { AccuracyRow } from '~/domain/reports/accuracy.server'
import { BREAKDOWN_LABELS, formatRate, PERIOD_LABELS } from '~/domain/reports/query'
import { versionMarkers } from '~/domain/reports/version-markers.server'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Rejection accuracy · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, own, query, range, input } = await reportRequest(args, 'accuracy')
  return {
    markers: versionMarkers(db, query.period, range, input.timeZone),
    own,
    by: query.by,
    period: query.period,
    range,
    report: await runReport('accuracy', input),
    ...reportFilterOptions(db, user),
  }
}

const COLUMNS = [
  'Opened',
  'Rejected before contact',
  'Rejected after contact',
  'Ignored',
  'Decided',
  'Upheld',
  'Overturned',
  'Still open',
  'Imported, not reviewed',
  'Accuracy',
]

function Rows({ rows }: { rows: AccuracyRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr key={r.name}>
          <Td>{r.name}</Td>
          <Td>{r.opened}</Td>
          <Td>{r.beforeContact}</Td>
          <Td>{r.afterContact}</Td>
          <Td>{r.ignored}</Td>
          <Td>{r.decided}</Td>
          <Td>{r.upheld}</Td>
          <Td>{r.overturned}</Td>
          <Td>{r.open}</Td>
          <Td>{r.imported}</Td>
          <Td className="font-medium">{formatRate(r.accuracy)}</Td>
        </tr>
      ))}
    </>
  )
}

export default function AccuracyReport() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  return (
    <ReportFrame
      title={data.own ? 'Your rejection accuracy' : 'Rejection accuracy'}
      path="/reports/accuracy"
      metric="rejection-accuracy"
      data={data}
      stage
      handOver
      breakdown
      description={
        <>
          Of the leads reps rejected, how many the committee upheld: accuracy = upheld ÷ decided, by
          the period the case opened. Opened rejections are split into rejected before contact and
          after contact; ignored cases are counted beside them but are not rejections. Conceded
          cases count as upheld; open cases are not yet decided; rejections imported from a CRM are
          not reviewed, so they have no verdict.
        </>
      }
    >
      <Card title={`Accuracy by period: ${formatRate(report.total.accuracy)} over the range`}>
        <TrendChart
          title="Rejection accuracy by period"
          periodTitle={`${PERIOD_LABELS[data.period]} the case opened`}
          rows={report.periods}
          bar={{ label: 'Decided', value: (r) => r.decided }}
          rate={{
            label: 'Accuracy',
            value: (r) => r.accuracy,
            successes: (r) => r.upheld,
            n: (r) => r.decided,
            nLabel: 'decided',
          }}
          markers={data.markers}
        />
        <Table caption="Rejection accuracy by period" columns={['Period', ...COLUMNS]}>
          <Rows rows={report.periods} />
          <Rows rows={[report.total]} />
        </Table>
      </Card>
      <Card title={`By ${BREAKDOWN_LABELS[data.by].toLowerCase()}`}>
        {report.breakdown.length === 0 ? (
          <p className="text-sm text-slate-700">No rejections in this range.</p>
        ) : (
          <Table
            caption={`Rejection accuracy by ${BREAKDOWN_LABELS[data.by].toLowerCase()}`}
            columns={[BREAKDOWN_LABELS[data.by], ...COLUMNS]}
          >
            <Rows rows={report.breakdown} />
          </Table>
        )}
      </Card>
    </ReportFrame>
  )
}
