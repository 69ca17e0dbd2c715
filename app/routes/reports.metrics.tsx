import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MetricSectionCard } from '~/components/metrics'
import { PageHeader } from '~/components/ui'
import { METRIC_SECTIONS } from '~/domain/reports/metrics.server'
import { requireAccess } from '~/http/guards.server'

export const meta: MetaFunction = () => [{ title: 'How the figures are defined · Leadcourt' }]

/** Everyone who reads reports reads how their figures are defined. */
export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'reports.read')
  return { sections: METRIC_SECTIONS }
}

export default function Metrics() {
  const { sections } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title="How the figures are defined">
        <Link to="/reports" className="text-sm text-brand-700 underline">
          All reports
        </Link>
      </PageHeader>
      <p className="max-w-3xl text-slate-700">
        Every figure the reports and the home page show, defined precisely: what is counted, in
        which period, and what each filter narrows.
      </p>
      <nav aria-label="Sections" className="max-w-3xl">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-brand-700 underline">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <MetricSectionCard key={s.id} section={s} />
      ))}
    </div>
  )
}
