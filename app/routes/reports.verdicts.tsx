import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { DeparturesCard } from '~/components/departures-card'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { SEAT_LABELS } from '~/domain/people/roles'
import { formatRate, PERIOD_LABELS } from '~/domain/reports/query'
import { MEMBER_DEPARTURES_CAP } from '~/domain/reports/verdicts.server'
import { versionMarkers } from '~/domain/reports/version-markers.server'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'
import type { Seat } from '~db/enums'

export const meta: MetaFunction = () => [{ title: 'Verdicts · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, query, range, input } = await reportRequest(args, 'verdicts')
  return {
    period: query.period,
    markers: versionMarkers(db, query.period, range, input.timeZone),
    range,
    report: await runReport('verdicts', input),
    memberCap: MEMBER_DEPARTURES_CAP,
    ...reportFilterOptions(db, user),
  }
}

export default function VerdictReport() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  return (
    <ReportFrame
      title="Verdicts"
      path="/reports/verdicts"
      metric="verdicts"
      data={data}
      stage
      handOver
      description={
        <>
          What the committee decided, by the period the case opened: results and dispositions,
          agreement with the definition, departures per criterion (the verdicts’ and the members’
          votes’), unanimous and split decisions, and who took part.
        </>
      }
    >
      <Card title={`Agreement with the definition: ${formatRate(report.total.agreement)}`}>
        <TrendChart
          title="Agreement with the definition by period"
          periodTitle={`${PERIOD_LABELS[data.period]} the case opened`}
          rows={report.periods}
          bar={{ label: 'Decided', value: (r) => r.decided }}
          rate={{
            label: 'Agreement',
            value: (r) => r.agreement,
            successes: (r) => r.agree,
            n: (r) => r.decided,
            nLabel: 'decided',
          }}
          markers={data.markers}
        />
        <Table
          caption="Verdicts by period"
          columns={[
            'Period',
            'Decided',
            'Meets',
            'Disqualified',
            'Nurture',
            'Agree',
            'Agreement',
            'Unanimous',
            'Split',
            'Chair’s casting vote',
            'Conceded',
          ]}
        >
          {[...report.periods, report.total].map((r) => (
            <tr key={r.name}>
              <Td>{r.name}</Td>
              <Td>{r.decided}</Td>
              <Td>{r.meets}</Td>
              <Td>{r.disqualified}</Td>
              <Td>{r.nurture}</Td>
              <Td>{r.agree}</Td>
              <Td className="font-medium">{formatRate(r.agreement)}</Td>
              <Td>{r.unanimous}</Td>
              <Td>{r.split}</Td>
              <Td>{r.byChair}</Td>
              <Td>{r.conceded}</Td>
            </tr>
          ))}
        </Table>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <DeparturesCard
          verdicts={report.departures}
          members={report.memberDepartures}
          decided={report.total.decided}
          cap={data.memberCap}
        />
        <Card title="Participation">
          <Table
            caption="Votes per committee member"
            columns={['Member', 'Seat', 'Votes', 'Recused', 'Participation']}
          >
            {report.participation.map((m) => (
              <tr key={m.name}>
                <Td>{m.name}</Td>
                <Td>{m.seat ? SEAT_LABELS[m.seat as Seat] : '—'}</Td>
                <Td>{m.votes}</Td>
                <Td>{m.recused}</Td>
                <Td>{formatRate(m.participation)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </ReportFrame>
  )
}
