import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '~/components/ui'
import { requireRole } from '~/lib/auth.server'
import { ownFiguresOnly } from '~/lib/reports/report-view.server'

export const meta: MetaFunction = () => [{ title: 'Reports · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'leadership', 'committee', 'admin', 'rep')
  return { own: ownFiguresOnly(user) }
}

export default function Reports() {
  const { own } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title="Reports" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={own ? 'Your rejection accuracy' : 'Rejection accuracy'}>
          <p className="mb-2 text-sm text-slate-700">
            How often rejections were upheld by the committee, by the month the case opened, and by
            rep, reason, source or campaign.
          </p>
          <Link to="/reports/accuracy" className="text-brand-700 underline">
            Open the report
          </Link>
        </Card>
      </div>
    </div>
  )
}
