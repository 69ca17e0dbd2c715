import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeader, Table, Td } from '~/components/ui'
import { actionLabel, describeChanges, subjectLabel } from '~/domain/audit/format'
import { listAuditEvents } from '~/domain/audit/trail.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Audit trail · Leadcourt' }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).catch(1) })

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  await requireAccess(args, 'audit.read')
  const { page } = QuerySchema.parse(queryOf(request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const { rows, total, pageCount } = listAuditEvents(db, page)
  return {
    page,
    total,
    pageCount,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      when: formatDateTime(r.at, timeZone),
      who: r.actorName ?? 'System',
      what: actionLabel(r.action),
      subject: subjectLabel(r.subjectType, r.subjectId, r.subjectName),
      changes: describeChanges(r.before, r.after),
    })),
  }
}

export default function Audit() {
  const { entries, page, pageCount, total } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title="Audit trail" />
      <p className="mb-4 text-sm text-slate-700">
        Every change, newest first. Entries can be added but never edited or removed. {total}{' '}
        {total === 1 ? 'entry' : 'entries'}.
      </p>
      <Table
        caption="Audit trail entries, newest first"
        columns={['When', 'Who', 'What', 'Subject', 'Changes']}
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={e.at}>{e.when}</time>
            </Td>
            <Td>{e.who}</Td>
            <Td>{e.what}</Td>
            <Td>{e.subject}</Td>
            <Td>
              {e.changes.length ? (
                <ul className="space-y-0.5">
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <span className="font-medium">{c.field}</span>:{' '}
                      {c.before !== null ? (
                        <>
                          <span className="sr-only">changed from </span>
                          <del className="text-slate-500">{c.before}</del>
                          <span aria-hidden="true"> → </span>
                          <span className="sr-only"> to </span>
                        </>
                      ) : null}
                      {c.after ?? <em className="text-slate-500">none</em>}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
          </tr>
        ))}
      </Table>
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
