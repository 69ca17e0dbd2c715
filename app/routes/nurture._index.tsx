import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { PoolLead } from '~/components/nurture'
import { Alert, PageHeader } from '~/components/ui'
import { handBackLead } from '~/domain/nurture/hand-back.server'
import { nurturePool } from '~/domain/nurture/pool.server'
import { HandBackSchema, PoolQuerySchema } from '~/domain/nurture/schema'
import { can } from '~/domain/people/access'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { queryOf } from '~/http/query'
import { replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Nurture pool · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireAccess(args, 'nurture.read')
  const query = PoolQuerySchema.parse(queryOf(args.request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  return {
    ...nurturePool(db, query, nowOf(args.context), timeZone),
    canHandBack: can(user, 'nurture.hand_back'),
  }
}

const HAND_BACK = intent({
  schema: HandBackSchema,
  capability: 'nurture.hand_back',
  run: (v, c: IntentContext & { now: Date }) => handBackLead(getDb(), c.user, v, c.now),
  notice: 'Handed back to Sales: the lead is new again, re-engaged, and its rep has been told.',
  payload: (done) => ({ leadId: done.leadId }),
  resetForm: true,
})

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'nurture.read')
  const ctx = { user, now: nowOf(args.context) }
  return runAction(await readForm(args.request), ctx, HAND_BACK, 'hand-back')
}

export default function NurturePoolPage() {
  const { rows, counts, version, nextCursor, canHandBack } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const reengagedOnly = params.get('reengaged') === '1'
  const failed = replyFor(actionData, 'hand-back')
  const failedLead = failed?.initialValue?.leadId
  const next = new URLSearchParams(params)
  if (nextCursor) next.set('after', nextCursor)
  return (
    <div className="space-y-4">
      <PageHeader title="Nurture pool" />
      <p className="max-w-3xl text-slate-700">
        Leads the committee (or marketing, conceding) sent to nurture: not ready to buy yet, not
        dead. {counts.inPool} in the pool, {counts.reengaged} re-engaged. Re-engaged leads come
        first, then the longest in the pool. “Against the definition now” judges each lead as it is
        today against{' '}
        {version ? (
          <Link to={`/definition/versions/${version.id}`} className="text-brand-700 underline">
            version {version.number}
          </Link>
        ) : (
          'the version in force (none yet)'
        )}
        .
      </p>
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      <nav aria-label="Filter the pool" className="flex gap-4 text-sm">
        {reengagedOnly ? (
          <Link to="/nurture" className="text-brand-700 underline">
            Every lead in the pool
          </Link>
        ) : (
          <Link to="/nurture?reengaged=1" className="text-brand-700 underline">
            Only Re-engaged leads
          </Link>
        )}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
          {reengagedOnly ? 'No re-engaged leads in the pool.' : 'The Nurture pool is empty.'}
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Leads in the Nurture pool">
          {rows.map((row) => (
            <PoolLead
              key={row.stayId}
              row={row}
              canHandBack={canHandBack}
              lastResult={failedLead === String(row.leadId) ? failed : undefined}
            />
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {params.get('after') ? (
          <Link to={reengagedOnly ? '?reengaged=1' : '?'} className="text-brand-700 underline">
            First page
          </Link>
        ) : null}
        {nextCursor ? (
          <Link to={`?${next}`} className="text-brand-700 underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
