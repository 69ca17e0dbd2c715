import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AcceptanceChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { formatHours, formatRate } from '~/domain/reports/query'
import { ACCEPTANCE_BENCHMARK, belowBenchmark, scorecardAcceptance } from '~/domain/reports/rates'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Rep scorecard · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, own, range, input } = await reportRequest(args, 'scorecard')
  return {
    own,
    range,
    rows: await runReport('scorecard', input),
    ...reportFilterOptions(db, user),
  }
}

const BENCHMARK = `${ACCEPTANCE_BENCHMARK * 100}%`

/** A rep's acceptance against the benchmark, in words: the flag is never a colour alone. */
function BenchmarkCell({ rate }: { rate: number | null }) {
  const below = belowBenchmark(rate)
  if (below === null) return <Td>—</Td>
  return below ? (
    <Td className="font-medium text-red-800">Below {BENCHMARK}</Td>
  ) : (
    <Td>Meets {BENCHMARK}</Td>
  )
}

export default function Scorecard() {
  const data = useLoaderData<typeof loader>()
  const all = scorecardAcceptance(data.rows, 'All reps')
  return (
    <ReportFrame
      title={data.own ? 'Your scorecard' : 'Rep scorecard'}
      path="/reports/scorecard"
      metric="rep-scorecard"
      data={data}
      stage
      handOver
      description={
        <>
          For the leads handed to each rep in the range: what they did with them (rejections after
          contact are those of the range), how often their rejections were upheld, how many leads
          they marked converted in the range, the share of the leads they accepted that they have
          since converted (conversion rate), how fast they first acted (working time) and how often
          within the follow-up SLA. The field’s benchmark for acceptance is 90% or more.
        </>
      }
    >
      <Card>
        {data.rows.length > 0 ? <AcceptanceChart rows={data.rows} /> : null}
        <Table
          caption="Rep scorecard"
          columns={[
            'Rep',
            'Received',
            'Accepted',
            'Rejected before contact',
            'Rejected after contact',
            'Ignored',
            'Acceptance',
            `Against the ${BENCHMARK} benchmark`,
            'Rejection accuracy',
            'Converted',
            'Conversion rate',
            'Median to first action',
            'Follow-up SLA',
          ]}
        >
          {data.rows.map((r) => (
            <tr key={r.repId}>
              <Td>{r.name}</Td>
              <Td>{r.received}</Td>
              <Td>{r.accepted}</Td>
              <Td>{r.rejectedBeforeContact}</Td>
              <Td>{r.rejectedAfterContact}</Td>
              <Td>{r.ignored}</Td>
              <Td className="font-medium">{formatRate(r.acceptanceRate)}</Td>
              <BenchmarkCell rate={r.acceptanceRate} />
              <Td>{formatRate(r.accuracy)}</Td>
              <Td>{r.converted}</Td>
              <Td>{formatRate(r.conversionRate)}</Td>
              <Td>{formatHours(r.medianMs)}</Td>
              <Td>{formatRate(r.compliance)}</Td>
            </tr>
          ))}
          {data.rows.length > 1 ? (
            <tr className="bg-slate-50">
              <Td className="font-medium">All reps</Td>
              <Td>{all.n}</Td>
              <Td>{all.successes}</Td>
              <Td colSpan={3} />
              <Td className="font-medium">{formatRate(all.rate)}</Td>
              <BenchmarkCell rate={all.rate} />
              <Td colSpan={5} />
            </tr>
          ) : null}
        </Table>
      </Card>
    </ReportFrame>
  )
}
