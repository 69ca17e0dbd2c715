import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { PageHeader } from '~/components/ui'
import { ROLE_LABELS, SEAT_LABELS } from '~/domain/people/roles'
import { listUsers } from '~/domain/people/users.server'
import { requireAccess } from '~/http/guards.server'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Users · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'users.manage')
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
      <Table
        caption="Everyone who can use Leadcourt, with roles and seats"
        columns={['Name', 'Email', 'Roles', 'Seat', 'Status']}
      >
        {users.map((u) => (
          <tr key={u.id} className={u.active ? '' : 'text-slate-500'}>
            <Td>
              <Link to={`/admin/users/${u.id}`} className="text-brand-700 underline">
                {u.name}
              </Link>
            </Td>
            <Td>{u.email}</Td>
            <Td>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Td>
            <Td>
              {u.seat ? SEAT_LABELS[u.seat] : '—'}
              {u.isChair ? ' (chair)' : ''}
            </Td>
            <Td>
              {u.active ? 'Active' : 'Deactivated'}
              {u.mustChangePassword ? ' · temporary password' : ''}
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  )
}
