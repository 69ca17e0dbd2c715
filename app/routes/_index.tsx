import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Alert, Card, PageHeader } from '~/components/ui'
import { requireUser } from '~/lib/auth.server'
import { ROLE_LABELS, type Role, SEAT_LABELS } from '~/lib/roles'

export const meta: MetaFunction = () => [{ title: 'Home · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { name: user.name, roles: user.roles, seat: user.seat, isChair: user.isChair }
}

// What each role's home holds. Features not built yet say what will appear, without links.
const HOME_SECTIONS: Record<
  Role,
  { title: string; body: string; links?: { to: string; label: string }[] }
> = {
  rep: {
    title: 'Your queue',
    body: 'New and returned leads handed to you will appear here, oldest first, each with its follow-up clock. Accept a lead to start work, or reject it with a reason; a rejection opens a case for the committee.',
  },
  marketer: {
    title: 'Leads and cases',
    body: 'Leads you create or import, and the cases opened when Sales rejects or ignores them, will appear here. You answer each case by conceding or contesting it with a brief.',
  },
  committee: {
    title: 'Review queue',
    body: 'Open cases waiting for your vote will appear here, most overdue first. You rule on whether each lead met the signed lead definition.',
  },
  leadership: {
    title: 'Reports',
    body: 'Rejection accuracy over time, rep scorecards, source and campaign quality, SLA compliance and what became of rejected leads will appear here.',
    links: [{ to: '/audit', label: 'Read the audit trail' }],
  },
  admin: {
    title: 'Administration',
    body: 'Manage who can use Leadcourt and what they may do, and the organisation’s settings.',
    links: [
      { to: '/admin/users', label: 'Manage users' },
      { to: '/admin/settings', label: 'Organisation settings' },
      { to: '/audit', label: 'Read the audit trail' },
    ],
  },
}

export default function Home() {
  const { name, roles, seat, isChair } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <div>
      <PageHeader title={`Welcome, ${name}`} />
      {searchParams.get('password') === 'changed' ? (
        <div className="mb-6">
          <Alert tone="success">Your password has been changed.</Alert>
        </div>
      ) : null}
      <p className="mb-6 text-slate-700">
        You are signed in as {roles.map((r) => ROLE_LABELS[r]).join(', ')}
        {seat ? ` (${SEAT_LABELS[seat]}${isChair ? ', chair' : ''})` : ''}.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {roles.map((role) => {
          const section = HOME_SECTIONS[role]
          return (
            <Card key={role} title={section.title}>
              <p className="text-slate-700">{section.body}</p>
              {section.links ? (
                <ul className="mt-3 space-y-1">
                  {section.links.map((l) => (
                    <li key={l.to}>
                      <Link to={l.to} className="text-brand-700 underline">
                        {l.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          )
        })}
      </div>
    </div>
  )
}
