import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/ui'
import { requireRole } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'
import { ROLE_LABELS, SEAT_LABELS } from '~/lib/roles'
import { listUsers } from '~/lib/users.server'

export const meta: MetaFunction = () => [{ title: 'Users · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { users: listUsers(getDb()) }
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title="Users">
        <Link
          to="/admin/users/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Add user
        </Link>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">
            Everyone who can use Leadcourt, with roles and seats
          </caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Roles
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Seat
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} className={u.active ? '' : 'text-slate-500'}>
                <td className="px-4 py-2">
                  <Link to={`/admin/users/${u.id}`} className="text-brand-700 underline">
                    {u.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td className="px-4 py-2">
                  {u.seat ? SEAT_LABELS[u.seat] : '—'}
                  {u.isChair ? ' (chair)' : ''}
                </td>
                <td className="px-4 py-2">
                  {u.active ? 'Active' : 'Deactivated'}
                  {u.mustChangePassword ? ' · temporary password' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
