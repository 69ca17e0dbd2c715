import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { TrendChart } from '~/components/charts'
import { Table, Td } from '~/components/data-table'
import { ReportErrorBoundary } from '~/components/report-error'
import { ReportFrame } from '~/components/report-filters'
import { Card } from '~/components/ui'
import { formatRate } from '~/domain/reports/query'
import { reportFilterOptions, reportRequest, runReport } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Is the definition any good? · Leadcourt' }]

/** A filter the report cannot use (400) or a report that took too long (503), explained. */
export const ErrorBoundary = ReportErrorBoundary

export async function loader(args: LoaderFunctionArgs) {
  const { user, db, own, range, input } = await reportRequest(args, 'definition')
  return {
    own,
    range,
    report: await runReport('definition', input),
    // The report counts leads, not cases: a reason does not apply.
    ...reportFilterOptions(db, user),
    reasons: [],
  }
}

const SAID = [
  ['meets', 'Meets'],
  ['does_not_meet', 'Does not meet'],
  ['undetermined', 'Undetermined'],
] as const

export default function DefinitionReport() {
  const data = useLoaderData<typeof loader>()
  const { report } = data
  return (
    <ReportFrame
      title="Is the definition any good?"
      path="/reports/definition"
      metric="definition-quality"
      data={data}
      description={
        <>
          Hindsight of the definition: every lead handed over in the range whose fate is known (its
          latest outcome, else converted), by the version in force at its hand-over. What the
          version said against what became of the lead; the share of &ldquo;meets&rdquo; leads that
          were real buyers; the share of real buyers it let through (said &ldquo;meets&rdquo;: an
          undetermined real buyer was left to people, not let through); and per criterion, how many
          leads it left unmet were real buyers all the same — the signal that a criterion should
          change.
        </>
      }
    >
      {report.versions.length === 0 ? (
        <Card title="No leads with a known fate">
          <p className="text-slate-700">
            No lead handed over in this range and matching these filters has an outcome recorded or
            was converted yet.
          </p>
        </Card>
      ) : null}
      {report.versions.map((v) => (
        <Card key={v.versionId} title={`Version ${v.number}`}>
          <p className="mb-3 text-slate-700">
            {v.leads} leads with a known fate, {v.realBuyers} of them real buyers.{' '}
            <span className="font-medium">
              &ldquo;Meets&rdquo; leads that were real buyers: {formatRate(v.meetsRealBuyerShare)}
            </span>
            {' · '}
            <span className="font-medium">
              Real buyers let through: {formatRate(v.realBuyersLetThrough)}
            </span>
          </p>
          <Table
            caption={`Version ${v.number}: what it said, and what became of the leads`}
            columns={['The definition said', 'Real buyers', 'Not buyers', 'Real buyer share']}
          >
            {SAID.map(([key, label]) => {
              const c = v.table[key]
              const total = c.realBuyers + c.notBuyers
              return (
                <tr key={key}>
                  <Td>{label}</Td>
                  <Td>{c.realBuyers}</Td>
                  <Td>{c.notBuyers}</Td>
                  <Td>{formatRate(total > 0 ? c.realBuyers / total : null)}</Td>
                </tr>
              )
            })}
          </Table>
          <h3 className="mt-6 mb-2 font-medium">
            Real buyers among leads each criterion left unmet
          </h3>
          <TrendChart
            title={`Version ${v.number}: real buyers among leads each criterion left unmet`}
            periodTitle="Criterion"
            rows={v.criteria.map((c) => ({ ...c, name: c.label }))}
            bar={{ label: 'Leads with the criterion unmet', value: (c) => c.unmet }}
            rate={{
              label: 'Real buyers among them',
              value: (c) => c.unmetRealBuyerShare,
              successes: (c) => c.unmetRealBuyers,
              n: (c) => c.unmet,
              nLabel: 'unmet',
            }}
          />
          <Table
            caption={`Version ${v.number}: criteria left unmet`}
            columns={['Criterion', 'Key', 'Required', 'Unmet', 'Real buyers all the same', 'Share']}
          >
            {v.criteria.map((c) => (
              <tr key={c.key}>
                <Td>{c.label}</Td>
                <Td>{c.key}</Td>
                <Td>{c.required ? 'Required' : 'Advisory'}</Td>
                <Td>{c.unmet}</Td>
                <Td>{c.unmetRealBuyers}</Td>
                <Td className="font-medium">{formatRate(c.unmetRealBuyerShare)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      ))}
      {report.unjudged > 0 ? (
        <p className="text-sm text-slate-700">
          {report.unjudged} leads with a known fate were handed over with no version in force and
          are not counted.
        </p>
      ) : null}
    </ReportFrame>
  )
}
