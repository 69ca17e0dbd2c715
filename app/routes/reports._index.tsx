import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '~/components/ui'
import { hasRole } from '~/domain/people/roles'
import { requireRole } from '~/http/guards.server'
import { ownFiguresOnly } from '~/http/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Reports · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'rep', 'marketer')
  return {
    own: ownFiguresOnly(user),
    accuracy: hasRole(user, 'leadership', 'committee', 'admin', 'rep'),
    sources: hasRole(user, 'leadership', 'committee', 'admin', 'marketer'),
    verdicts: hasRole(user, 'leadership', 'committee', 'admin'),
  }
}

export default function Reports() {
  const { own, accuracy, sources, verdicts } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title="Reports" />
      <div className="grid gap-4 md:grid-cols-2">
        {accuracy ? (
          <Card title={own ? 'Your rejection accuracy' : 'Rejection accuracy'}>
            <p className="mb-2 text-sm text-slate-700">
              How often rejections were upheld by the committee, by the month the case opened, and
              by rep, reason, source or campaign.
            </p>
            <Link to="/reports/accuracy" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
        {accuracy ? (
          <Card title={own ? 'Your rejections in hindsight' : 'Hindsight'}>
            <p className="mb-2 text-sm text-slate-700">
              What became of rejected leads, and how often rejections and verdicts were right.
            </p>
            <Link to="/reports/hindsight" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
        {accuracy ? (
          <Card title={own ? 'Your scorecard' : 'Rep scorecard'}>
            <p className="mb-2 text-sm text-slate-700">
              Leads received, accepted, rejected and ignored; acceptance rate, rejection accuracy,
              median time to first action and follow-up SLA compliance.
            </p>
            <Link to="/reports/scorecard" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
        {verdicts ? (
          <Card title="Service levels">
            <p className="mb-2 text-sm text-slate-700">
              Follow-up, review and return SLAs: compliance, median and 90th-percentile times,
              breaches and overdue cases.
            </p>
            <Link to="/reports/sla" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
        {verdicts ? (
          <Card title="Verdicts">
            <p className="mb-2 text-sm text-slate-700">
              Results and dispositions, agreement with the definition, departures per criterion,
              unanimous and split decisions, participation.
            </p>
            <Link to="/reports/verdicts" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
        {sources ? (
          <Card title="Source and campaign quality">
            <p className="mb-2 text-sm text-slate-700">
              Leads handed over, rejected, confirmed bad and confirmed good, by source and campaign.
            </p>
            <Link to="/reports/sources" className="text-brand-700 underline">
              Open the report
            </Link>
          </Card>
        ) : null}
      </div>
    </div>
  )
}
