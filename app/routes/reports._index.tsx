import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '~/components/ui'
import { can } from '~/domain/people/access'
import { METRICS_PATH } from '~/domain/reports/metric-links'
import { requireAccess } from '~/http/guards.server'
import { ownFiguresOnly } from '~/http/report-view.server'
import { REPORTS, type ReportKey } from '~/http/reports'

export const meta: MetaFunction = () => [{ title: 'Reports · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireAccess(args, 'reports.read')
  const order: ReportKey[] = [
    'accuracy',
    'hindsight',
    'scorecard',
    'sla',
    'verdicts',
    'sources',
    'definition',
  ]
  return {
    own: ownFiguresOnly(user),
    reports: order.filter((key) => can(user, REPORTS[key].capability)),
  }
}

const CARDS: Record<ReportKey, { title: string; own?: string; text: string }> = {
  accuracy: {
    title: 'Rejection accuracy',
    own: 'Your rejection accuracy',
    text: 'How often rejections were upheld by the committee, by the month the case opened, and by rep, reason, source or campaign.',
  },
  hindsight: {
    title: 'Hindsight',
    own: 'Your rejections in hindsight',
    text: 'What became of rejected leads, and how often rejections and verdicts were right.',
  },
  scorecard: {
    title: 'Rep scorecard',
    own: 'Your scorecard',
    text: 'Leads received, accepted, rejected and ignored; acceptance rate, rejection accuracy, median time to first action and follow-up SLA compliance.',
  },
  sla: {
    title: 'Service levels',
    text: 'Follow-up, review and return SLAs: compliance, median and 90th-percentile times, breaches and overdue cases.',
  },
  verdicts: {
    title: 'Verdicts',
    text: 'Results and dispositions, agreement with the definition, departures per criterion, unanimous and split decisions, participation.',
  },
  sources: {
    title: 'Source and campaign quality',
    text: 'Leads handed over, rejected, confirmed bad and confirmed good, by source and campaign.',
  },
  definition: {
    title: 'Is the definition any good?',
    text: 'Hindsight of the definition: what each version said of leads whose fate is known, against what became of them, per version and per criterion.',
  },
}

export default function Reports() {
  const { own, reports } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title="Reports" />
      <p className="text-slate-700">
        <Link to={METRICS_PATH} className="text-brand-700 underline">
          How each figure is defined
        </Link>
        : what every report counts, in which period, and what each filter narrows.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {reports.map((key) => {
          const card = CARDS[key]
          return (
            <Card key={key} title={own && card.own ? card.own : card.title}>
              <p className="mb-2 text-sm text-slate-700">{card.text}</p>
              <Link to={REPORTS[key].path} className="text-brand-700 underline">
                Open the report
              </Link>
            </Card>
          )
        })}
      </div>
    </div>
  )
}
