import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeader } from '~/components/ui'
import { listAuditEvents } from '~/lib/audit.server'
import { requireRole } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'

export const meta: MetaFunction = () => [{ title: 'Audit trail · Leadcourt' }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).catch(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin', 'leadership')
  const { page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { page, ...listAuditEvents(getDb(), page) }
}

function describe(value: unknown) {
  return value === null || value === undefined ? '—' : JSON.stringify(value)
}

export default function Audit() {
  const { rows, page, pageCount, total } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title="Audit trail" />
      <p className="mb-4 text-sm text-slate-700">
        Every change, newest first. Entries can be added but never edited or removed. {total}{' '}
        entries.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Audit trail entries</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                When
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Who
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                What
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Subject
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Before
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                After
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-3 py-2">
                  <time dateTime={new Date(r.at).toISOString()}>
                    {new Date(r.at).toISOString().replace('T', ' ').slice(0, 16)} UTC
                  </time>
                </td>
                <td className="px-3 py-2">{r.actorName ?? 'System'}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-2">
                  {r.subjectType} {r.subjectId}
                </td>
                <td className="max-w-xs break-words px-3 py-2 font-mono text-xs">
                  {describe(r.before)}
                </td>
                <td className="max-w-xs break-words px-3 py-2 font-mono text-xs">
                  {describe(r.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
        {page > 1 ? (
          <Link to={`?page=${page - 1}`} className="text-brand-700 underline">
            Newer entries
          </Link>
        ) : null}
        <span>
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? (
          <Link to={`?page=${page + 1}`} className="text-brand-700 underline">
            Older entries
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
