import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Table, Td } from '~/components/data-table'
import { PageHeader } from '~/components/ui'
import { listAuditEvents } from '~/domain/audit/trail.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { getDb } from '~/platform/db.server'
import { countOf } from '~/platform/numbers'

export const meta: MetaFunction = () => [{ title: 'Audit trail · Leadcourt' }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).catch(1) })

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'audit.read')
  const { page } = QuerySchema.parse(queryOf(request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const { entries, total, pageCount } = listAuditEvents(db, page, { readerId: user.id, timeZone })
  return { page, total, pageCount, entries }
}

export default function Audit() {
  const { entries, page, pageCount, total } = useLoaderData<typeof loader>()
  return (
    <div>
      <PageHeader title="Audit trail" />
      <p className="mb-4 text-sm text-slate-700">
        Every change, newest first. Entries can be added but never edited or removed.{' '}
        {countOf(total, 'entry', 'entries')}.
      </p>
      <Table
        caption="Audit trail entries, newest first"
        columns={['When', 'What happened', 'About']}
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <Td className="align-top sm:whitespace-nowrap">
              <time dateTime={e.at}>{e.when}</time>
            </Td>
            <Td className="align-top">
              <p>{e.sentence}</p>
              {e.details.length ? (
                <details className="mt-1 text-slate-700">
                  <summary className="cursor-pointer text-brand-700">Details</summary>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                    {e.details.map((c) => (
                      <div key={c.key} className="contents">
                        <dt className="font-medium">{c.field}</dt>
                        <dd>
                          {c.before !== null ? (
                            <>
                              <span className="sr-only">changed from </span>
                              <del>{c.before}</del>
                              <span aria-hidden="true"> → </span>
                              <span className="sr-only"> to </span>
                            </>
                          ) : null}
                          {c.after ?? <em>none</em>}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ) : null}
            </Td>
            <Td className="align-top">
              {e.subjectPath ? (
                <Link to={e.subjectPath} className="text-brand-700 underline">
                  {e.subject}
                </Link>
              ) : (
                e.subject
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
