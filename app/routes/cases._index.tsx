import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseKindBadge } from '~/components/badges'
import { CaseFilterFields } from '~/components/case-filters'
import { FilterForm, PageHeader, SelectField, Table, Td } from '~/components/ui'
import { listCases } from '~/domain/cases/lists.server'
import { leadName } from '~/domain/leads/fields'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import { CASE_STATUS_LABELS, CASE_STATUSES, CaseListQuerySchema } from '~/domain/sales/schema'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireUser } from '~/http/guards.server'
import { queryOf } from '~/http/query'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Rejected and ignored leads · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireUser(args)
  const query = CaseListQuerySchema.parse(queryOf(request))
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  // A marketer starts from the leads they answer for, and may widen the list to everyone's.
  const onlyMine = can(user, 'cases.respond') && query.marketer !== 'any'
  const page = listCases(db, user, { ...query, marketerId: onlyMine ? user.id : undefined })
  const everyone = can(user, 'leads.read.all')
  return {
    isMarketer: can(user, 'cases.respond'),
    everyone,
    rows: page.rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      leadId: c.leadId,
      name: leadName({ ...c, id: c.leadId }),
      company: c.company,
      source: c.source,
      campaign: c.campaign,
      reason: c.reasonLabel,
      notes: c.notes,
      contactAttempts: c.contactAttempts,
      repName: c.repName,
      openedAt: formatDateTime(c.openedAt, timeZone),
    })),
    nextCursor: page.nextCursor,
    ...filterOptions(db, { reps: everyone }),
  }
}

export default function Cases() {
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const next = new URLSearchParams(params)
  if (data.nextCursor) next.set('after', data.nextCursor)
  const filter = (name: string) => params.get(name) ?? ''
  return (
    <div className="space-y-4">
      <PageHeader title="Rejected and ignored leads" />
      <p className="text-slate-700">
        Every lead Sales rejected (with a reason) or ignored (its follow-up clock ran out) becomes a
        case for the committee.
      </p>
      <FilterForm label="Filter cases" clearTo="/cases">
        {data.isMarketer ? (
          <SelectField
            name="marketer"
            label="Leads"
            defaultValue={filter('marketer') || 'mine'}
            options={[
              ['mine', 'Leads I handed over'],
              ['any', 'Every marketer’s leads'],
            ]}
          />
        ) : null}
        <SelectField
          emptyLabel="Any"
          name="status"
          label="Case status"
          defaultValue={filter('status')}
          options={CASE_STATUSES.map((s) => [s, CASE_STATUS_LABELS[s]])}
        />
        <CaseFilterFields
          filter={filter}
          reasons={data.reasons}
          reps={data.everyone ? data.reps : null}
          sources={data.sources}
          campaigns={data.campaigns}
        />
      </FilterForm>
      {data.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
          No rejected or ignored leads match.
        </p>
      ) : (
        <Table
          caption="Rejected and ignored leads, newest first"
          columns={['Lead', 'Kind', 'Reason and notes', 'Rep', 'Source', 'Opened', 'Case']}
        >
          {data.rows.map((c) => (
            <tr key={c.id}>
              <Td>
                <Link to={`/leads/${c.leadId}`} className="text-brand-700 underline">
                  {c.name}
                </Link>
                {c.company ? <div className="text-slate-600">{c.company}</div> : null}
              </Td>
              <Td>
                <CaseKindBadge kind={c.kind} />
              </Td>
              <Td>
                {c.kind === 'rejected' ? (
                  <>
                    <div className="font-medium">{c.reason}</div>
                    {c.notes ? <div className="text-slate-700">{c.notes}</div> : null}
                    <div className="text-slate-600">{c.contactAttempts} contact attempts</div>
                  </>
                ) : (
                  <span className="text-slate-700">Follow-up clock ran out</span>
                )}
              </Td>
              <Td>{c.repName}</Td>
              <Td>
                {c.source ?? '—'}
                {c.campaign ? <div className="text-slate-600">{c.campaign}</div> : null}
              </Td>
              <Td className="whitespace-nowrap">{c.openedAt}</Td>
              <Td>
                <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
                  Case {c.id}
                </Link>
                <div className="text-slate-600">{CASE_STATUS_LABELS[c.status]}</div>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {data.nextCursor ? (
        <Link to={`?${next}`} className="text-sm text-brand-700 underline">
          Next page
        </Link>
      ) : null}
    </div>
  )
}
