import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { formatRate, PERIOD_LABELS } from '~/domain/reports/query'
import type { QualityRow } from '~/domain/reports/source-quality.server'
import { versionMarkers } from '~/domain/reports/version-markers.server'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Source and campaign quality · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, query, range, input } = await reportRequest(args, 'sources')
  return {
    period: query.period,
    markers: versionMarkers(db, query.period, range, input.timeZone),
    range,
    report: await runReport('sources', input),
    ...reportFilterOptions(db, user),
  }
}

const COLUMNS = [
  'Handed over',
  'Net-new',
  'Re-engaged',
  'Rejected',
  'Confirmed bad',
  'Confirmed good',
  'Confirmed-bad rate',
]

function Rows({ rows }: { rows: QualityRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr key={r.name}>
          <Td>{r.name}</Td>
          <Td>{r.handedOver}</Td>
          <Td>{r.netNew}</Td>
          <Td>{r.reEngaged}</Td>
          <Td>{r.rejected}</Td>
          <Td>{r.confirmedBad}</Td>
          <Td>{r.confirmedGood}</Td>
          <Td className="font-medium">{formatRate(r.confirmedBadRate)}</Td>
        </tr>
      ))}
    </>
  )
}

export default function SourceQuality() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  return (
    <ReportFrame
      title="Source and campaign quality"
      path="/reports/sources"
      metric="source-and-campaign-quality"
      data={data}
      stage
      handOver
      description={
        <>
          Of the hand-overs of each source and campaign to Sales (by the period of the hand-over:
          net-new, a lead's first, or re-engaged, handed back from the Nurture pool): how many reps
          rejected, how many of those the committee confirmed bad (upheld) or good (overturned). The
          stage filter chooses which cases count as rejections.
        </>
      }
    >
      <Card title="By period">
        <TrendChart
          title="Confirmed-bad rate by period"
          periodTitle={`${PERIOD_LABELS[data.period]} of the hand-over`}
          rows={report.periods}
          bar={{ label: 'Handed over', value: (r) => r.handedOver }}
          rate={{
            label: 'Confirmed-bad rate',
            value: (r) => r.confirmedBadRate,
            successes: (r) => r.confirmedBad,
            n: (r) => r.handedOver,
            nLabel: 'handed over',
          }}
          markers={data.markers}
        />
        <Table caption="Lead quality by period" columns={['Period', ...COLUMNS]}>
          <Rows rows={report.periods} />
        </Table>
      </Card>
      <Card title="By source">
        <Table caption="Lead quality by source" columns={['Source', ...COLUMNS]}>
          <Rows rows={report.bySource} />
        </Table>
      </Card>
      <Card title="By campaign">
        <Table caption="Lead quality by campaign" columns={['Campaign', ...COLUMNS]}>
          <Rows rows={report.byCampaign} />
        </Table>
      </Card>
    </ReportFrame>
  )
}
