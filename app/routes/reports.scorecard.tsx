import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { ReportFilters } from '~/components/report-filters'
import { Card, PageHeader, Table, Td } from '~/components/ui'
import { requireRole } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'
import { formatHours, formatRate } from '~/lib/reports/report-query'
import {
  ownFiguresOnly,
  reportFilterOptions,
  reportRequest,
} from '~/lib/reports/report-view.server'
import { repScorecard } from '~/lib/reports/sla.server'

export const meta: MetaFunction = () => [{ title: 'Rep scorecard · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'rep')
  const db = getDb()
  const { query, range, timeZone } = reportRequest(db, user, request)
  return {
    own: ownFiguresOnly(user),
    range,
    rows: repScorecard(db, query, range, timeZone, new Date()),
    ...reportFilterOptions(db, user),
  }
}

export default function Scorecard() {
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div className="space-y-6">
      <PageHeader title={data.own ? 'Your scorecard' : 'Rep scorecard'}>
        <Link to="/reports" className="text-sm text-brand-700 underline">
          All reports
        </Link>
      </PageHeader>
      <p className="max-w-3xl text-slate-700">
        For the leads handed to each rep in the range: what they did with them, how often their
        rejections were upheld, how fast they first acted (working time) and how often within the
        follow-up SLA. The field’s benchmark for acceptance is 90% or more. See docs/metrics.md.
      </p>
      <ReportFilters
        action="/reports/scorecard"
        params={params}
        range={data.range}
        reps={data.reps}
        reasons={data.reasons}
        sources={data.sources}
        campaigns={data.campaigns}
      />
      <p className="text-sm">
        <a href={`/reports/scorecard.csv?${params}`} className="text-brand-700 underline" download>
          Download CSV
        </a>
      </p>
      <Card>
        <Table
          caption="Rep scorecard"
          columns={[
            'Rep',
            'Received',
            'Accepted',
            'Rejected',
            'Ignored',
            'Acceptance',
            'Rejection accuracy',
            'Median to first action',
            'Follow-up SLA',
          ]}
        >
          {data.rows.map((r) => (
            <tr key={r.repId}>
              <Td>{r.name}</Td>
              <Td>{r.received}</Td>
              <Td>{r.accepted}</Td>
              <Td>{r.rejected}</Td>
              <Td>{r.ignored}</Td>
              <Td className="font-medium">{formatRate(r.acceptanceRate)}</Td>
              <Td>{formatRate(r.accuracy)}</Td>
              <Td>{formatHours(r.medianMs)}</Td>
              <Td>{formatRate(r.compliance)}</Td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  )
}
