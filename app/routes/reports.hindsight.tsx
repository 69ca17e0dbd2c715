import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { formatRate, PERIOD_LABELS } from '~/domain/reports/query'
import { versionMarkers } from '~/domain/reports/version-markers.server'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Hindsight · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, own, query, range, input } = await reportRequest(args, 'hindsight')
  return {
    period: query.period,
    markers: versionMarkers(db, query.period, range, input.timeZone),
    own,
    range,
    report: await runReport('hindsight', input),
    ...reportFilterOptions(db, user),
  }
}

export default function HindsightReport() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  const rows = [...report.periods, report.total]
  return (
    <ReportFrame
      title={data.own ? 'Your rejections in hindsight' : 'Hindsight'}
      path="/reports/hindsight"
      metric="hindsight"
      data={data}
      stage
      handOver
      description={
        <>
          What became of rejected leads, by the period the case opened. Hindsight accuracy of
          rejections = rejected leads later found not to be real buyers ÷ rejected leads with a
          known outcome; of verdicts, the verdicts the outcome bore out.
        </>
      }
    >
      <Card
        title={`Hindsight accuracy of rejections: ${formatRate(report.total.rejectionAccuracy)}`}
      >
        <TrendChart
          title="Hindsight accuracy of rejections by period"
          periodTitle={`${PERIOD_LABELS[data.period]} the case opened`}
          rows={report.periods}
          bar={{ label: 'Outcome known', value: (r) => r.known }}
          rate={{
            label: 'Hindsight accuracy',
            value: (r) => r.rejectionAccuracy,
            successes: (r) => r.notBuyers,
            n: (r) => r.known,
            nLabel: 'outcome known',
          }}
          markers={data.markers}
        />
        <Table
          caption="Hindsight accuracy by period"
          columns={[
            'Period',
            'Rejected',
            'Outcome known',
            'Real buyers',
            'Not buyers',
            'Rejections right',
            'Verdicts with outcome',
            'Verdicts right',
            'Verdicts borne out',
          ]}
        >
          {rows.map((r) => (
            <tr key={r.name}>
              <Td>{r.name}</Td>
              <Td>{r.rejected}</Td>
              <Td>{r.known}</Td>
              <Td>{r.realBuyers}</Td>
              <Td>{r.notBuyers}</Td>
              <Td className="font-medium">{formatRate(r.rejectionAccuracy)}</Td>
              <Td>{r.verdictsKnown}</Td>
              <Td>{r.verdictsRight}</Td>
              <Td className="font-medium">{formatRate(r.verdictAccuracy)}</Td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title="Outcomes of rejected leads">
        <Table caption="Outcomes of rejected leads" columns={['Outcome', 'A real buyer?', 'Leads']}>
          {report.outcomes.map((o) => (
            <tr key={o.outcome}>
              <Td>{OUTCOME_LABELS[o.outcome]}</Td>
              <Td>{o.realBuyer ? 'Yes' : 'No'}</Td>
              <Td>{o.count}</Td>
            </tr>
          ))}
        </Table>
      </Card>
    </ReportFrame>
  )
}
