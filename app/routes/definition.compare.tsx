import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '~/components/ui'
import { diffCriteria } from '~/domain/definition/diff'
import { CompareSchema } from '~/domain/definition/schema'
import { getVersion } from '~/domain/definition/versions.server'
import { requireUser } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Compare versions · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  await requireUser(args)
  const { from, to } = CompareSchema.parse(queryOf(request))
  const db = getDb()
  const a = from ? getVersion(db, from) : null
  const b = to ? getVersion(db, to) : null
  if (!a || !b) throw new Response('Not found', { status: 404 })
  return { from: a.number, to: b.number, changes: diffCriteria(a.criteria, b.criteria) }
}

export default function Compare() {
  const { from, to, changes } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={`Version ${from} → version ${to}`}>
        <Link to="/definition" className="text-sm text-brand-700 underline">
          Lead definition
        </Link>
      </PageHeader>
      <Card title="What changed">
        {changes.length === 0 ? (
          <p className="text-slate-700">The two versions have the same criteria.</p>
        ) : (
          <ul className="space-y-3">
            {changes.map((c) => (
              <li key={c.key} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {c.kind === 'added' ? 'Added' : c.kind === 'removed' ? 'Removed' : 'Changed'}:{' '}
                  <span className="font-mono text-xs">{c.key}</span>
                </p>
                {c.kind !== 'added' ? (
                  <p>
                    <span className="text-slate-600">Version {from}: </span>
                    {c.was}
                  </p>
                ) : null}
                {c.kind !== 'removed' ? (
                  <p>
                    <span className="text-slate-600">Version {to}: </span>
                    {c.now}
                  </p>
                ) : null}
                {c.kind === 'changed' && c.descriptionChanged ? (
                  <p className="text-slate-600">The description was reworded.</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
