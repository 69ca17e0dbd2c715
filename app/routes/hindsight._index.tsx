import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseKindBadge } from '~/components/badges'
import { Table, Td } from '~/components/data-table'
import { PageHeader } from '~/components/ui'
import { HindsightQuerySchema, VERDICT_LABELS } from '~/domain/cases/schema'
import { leadName } from '~/domain/leads/fields'
import { hindsightDue } from '~/domain/outcomes/outcomes.server'
import { can } from '~/domain/people/access'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Hindsight due · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'hindsight.read')
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const { after } = HindsightQuerySchema.parse(queryOf(request))
  const page = hindsightDue(db, nowOf(args.context), after)
  return {
    canImport: can(user, 'outcomes.record'),
    rows: page.rows.map((r) => ({
      caseId: r.caseId,
      kind: r.kind,
      leadId: r.leadId,
      name: leadName({ ...r, id: r.leadId }),
      company: r.company,
      reason: r.reasonLabel,
      verdict: r.verdict,
      rep: r.repName,
      source: r.source,
      decidedAt: formatDateTime(r.decidedAt as Date, timeZone),
      checkpoint: r.checkpoint,
    })),
    nextCursor: page.nextCursor,
  }
}

export default function Hindsight() {
  const { rows, nextCursor, canImport } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-4">
      <PageHeader title="Hindsight due">
        {canImport ? (
          <Link to="/hindsight/import" className="text-sm text-brand-700 underline">
            Import outcomes
          </Link>
        ) : null}
      </PageHeader>
      <p className="max-w-3xl text-slate-700">
        Rejected and ignored leads whose verdict is 6 or 12 months old and that have no outcome yet.
        Find out what became of each one and record it on the lead.
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
          No lead is due for a hindsight check.
        </p>
      ) : (
        <Table
          caption="Leads due for a hindsight check, oldest verdict first"
          columns={['Lead', 'Case', 'Verdict', 'Rep', 'Source', 'Check']}
        >
          {rows.map((r) => (
            <tr key={r.caseId}>
              <Td>
                <Link to={`/leads/${r.leadId}`} className="text-brand-700 underline">
                  {r.name}
                </Link>
                {r.company ? <div className="text-slate-600">{r.company}</div> : null}
              </Td>
              <Td>
                <CaseKindBadge kind={r.kind} /> {r.reason ?? ''}
              </Td>
              <Td>
                {r.verdict ? VERDICT_LABELS[r.verdict] : '—'}
                <div className="text-slate-600">{r.decidedAt}</div>
              </Td>
              <Td>{r.rep}</Td>
              <Td>{r.source ?? '—'}</Td>
              <Td>{r.checkpoint}-month check</Td>
            </tr>
          ))}
        </Table>
      )}
      {nextCursor ? (
        <Link to={`?after=${nextCursor}`} className="text-sm text-brand-700 underline">
          Next page
        </Link>
      ) : null}
    </div>
  )
}
