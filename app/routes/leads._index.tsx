import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseKindBadge, EvaluationBadge, StatusBadge } from '~/components/badges'
import { BulkReassignActions } from '~/components/bulk-actions'
import { BulkBar, BulkResult, BulkSelection, SelectCell } from '~/components/bulk-select'
import { Cell, ListTable, Row } from '~/components/list-table'
import { LiveFilterForm } from '~/components/live-filters'
import { QueueKeys } from '~/components/queue-keys'
import { inputClass, PageHeader, SelectField } from '~/components/ui'
import { ViewsMenu } from '~/components/views-menu'
import { EVALUATION_LABELS } from '~/domain/definition/evaluator'
import { LIFECYCLE_LABELS, LIFECYCLE_STAGES, leadName } from '~/domain/leads/fields'
import { leadFilterOptions } from '~/domain/leads/filter-options.server'
import { listLeads } from '~/domain/leads/list.server'
import { activeReps } from '~/domain/leads/owners.server'
import { LEAD_STATUS_LABELS, LeadListQuerySchema } from '~/domain/leads/schema'
import { can } from '~/domain/people/access'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { LIST_SORTS, nextOrder, orderOf } from '~/domain/views/sort'
import { viewsOf } from '~/domain/views/views-of.server'
import { BULK_LEAD_INTENTS } from '~/http/bulk-intents.server'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent } from '~/http/intents.server'
import { readListQuery } from '~/http/list-query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import { EVALUATIONS, LEAD_STATUSES } from '~db/enums'

export const meta: MetaFunction = () => [{ title: 'Leads · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireUser(args)
  const { sort, dir, ...query } = readListQuery(request, 'leads', LeadListQuerySchema)
  const order = orderOf('leads', { sort, dir })
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const page = listLeads(db, user, { ...query, sort: order.dir === 'asc' ? 'oldest' : 'newest' })
  const ownOnly = !can(user, 'leads.read.all')
  return {
    ownOnly,
    canAdd: can(user, 'leads.create'),
    canReassign: can(user, 'leads.reassign'),
    rows: page.rows.map((r) => ({
      ...r,
      name: leadName(r),
      handedOverAt: formatDateTime(r.handedOverAt, timeZone),
    })),
    order,
    views: viewsOf(db, user.id, 'leads'),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    reps: ownOnly ? [] : activeReps(db),
    ...leadFilterOptions(db),
  }
}

// Bulk reassign (decision 43): each chosen lead by its own use case.
export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const ctx = { user, db: getDb(), now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, BULK_LEAD_INTENTS)
}

export default function Leads() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [params] = useSearchParams()
  const pageLink = (cursor: { after?: string; before?: string }) => {
    const next = new URLSearchParams(params)
    next.delete('after')
    next.delete('before')
    for (const [k, v] of Object.entries(cursor)) if (v) next.set(k, v)
    return `?${next}`
  }
  return (
    <div className="space-y-4">
      <PageHeader title={data.ownOnly ? 'My leads' : 'Leads'}>
        {data.canAdd ? (
          <>
            <Link
              to="/leads/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Add lead
            </Link>
            <Link
              to="/imports/new"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
            >
              Import leads
            </Link>
          </>
        ) : null}
      </PageHeader>
      <LiveFilterForm label="Filter leads" clearTo="/leads" foldOnPhone>
        <div className="md:col-span-2">
          <label htmlFor="filter-q" className="mb-1 block text-sm font-medium">
            Search
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={params.get('q') ?? ''}
            placeholder="Name, e-mail, company or external id"
            className={inputClass}
          />
        </div>
        <SelectField
          emptyLabel="Any"
          name="status"
          label="Status"
          defaultValue={params.get('status') ?? ''}
          options={LEAD_STATUSES.map((s) => [s, LEAD_STATUS_LABELS[s]])}
        />
        <SelectField
          emptyLabel="Any"
          name="evaluation"
          label="Against the definition"
          defaultValue={params.get('evaluation') ?? ''}
          options={EVALUATIONS.map((e) => [e, EVALUATION_LABELS[e]])}
        />
        {data.ownOnly ? null : (
          <SelectField
            emptyLabel="Any"
            name="ownerId"
            label="Owner"
            defaultValue={params.get('ownerId') ?? ''}
            options={data.reps.map((r) => [String(r.id), r.name])}
          />
        )}
        <SelectField
          emptyLabel="Any"
          name="source"
          label="Source"
          defaultValue={params.get('source') ?? ''}
          options={data.sources.map((s) => [s, s])}
        />
        <SelectField
          emptyLabel="Any"
          name="campaign"
          label="Campaign"
          defaultValue={params.get('campaign') ?? ''}
          options={data.campaigns.map((c) => [c, c])}
        />
        <SelectField
          emptyLabel="Any"
          name="lifecycleStage"
          label="Lifecycle stage"
          defaultValue={params.get('lifecycleStage') ?? ''}
          options={LIFECYCLE_STAGES.map((s) => [s, LIFECYCLE_LABELS[s]])}
        />
      </LiveFilterForm>
      <BulkSelection formId="bulk-leads" name="leadId" ids={data.rows.map((r) => r.id)}>
        <BulkResult reply={reply} />
        {data.canReassign && data.rows.length ? (
          <BulkBar label="Bulk actions on leads" reply={reply}>
            <BulkReassignActions reps={data.reps} />
          </BulkBar>
        ) : null}
        <QueueKeys
          rows={data.rows.map((r) => ({ id: r.id, href: `/leads/${r.id}` }))}
          searchId="filter-q"
          canWork={data.ownOnly}
        >
          {data.rows.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
              No leads match.
            </p>
          ) : (
            <LeadRows rows={data.rows} order={data.order} selectable={data.canReassign} />
          )}
        </QueueKeys>
      </BulkSelection>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {data.prevCursor ? (
          <Link to={pageLink({ before: data.prevCursor })} className="text-brand-700 underline">
            Previous page
          </Link>
        ) : null}
        {data.nextCursor ? (
          <Link to={pageLink({ after: data.nextCursor })} className="text-brand-700 underline">
            Next page
          </Link>
        ) : null}
      </nav>
      <ViewsMenu list="leads" views={data.views} />
    </div>
  )
}

type LeadsData = SerializeFrom<typeof loader>

/** The leads of a page: a table on a desktop, a card per lead on a phone. */
function LeadRows({
  rows,
  order,
  selectable,
}: {
  rows: LeadsData['rows']
  order: LeadsData['order']
  /** A checkbox a row, for the bulk actions (decision 43). */
  selectable: boolean
}) {
  const { handedOver } = LIST_SORTS.leads.columns
  return (
    <ListTable
      caption={`Leads, ${order.dir === 'asc' ? 'oldest' : 'newest'} hand-over first`}
      columns={[
        ...(selectable ? [{ label: 'Select' }] : []),
        { label: 'Lead' },
        { label: 'Company' },
        { label: 'Source' },
        { label: 'Campaign' },
        { label: 'Owner' },
        { label: handedOver.label, sort: 'handedOver' },
        { label: 'Status' },
        { label: 'Definition' },
      ]}
      order={order}
      nextOrder={() => nextOrder('leads', order, 'handedOver')}
    >
      {rows.map((r) => (
        <Row key={r.id}>
          {selectable ? <SelectCell id={r.id} label={r.name} /> : null}
          <Cell label="Lead" bare className="font-medium">
            <Link to={`/leads/${r.id}`} className="text-brand-700 underline">
              {r.name}
            </Link>
          </Cell>
          <Cell label="Company">{r.company ?? '—'}</Cell>
          <Cell label="Source">{r.source ?? '—'}</Cell>
          <Cell label="Campaign">{r.campaign ?? '—'}</Cell>
          <Cell label="Owner">{r.ownerName}</Cell>
          <Cell label={handedOver.label} className="md:whitespace-nowrap">
            {r.handedOverAt}
          </Cell>
          <Cell label="Status">
            <StatusBadge status={r.status} />{' '}
            {r.caseKind ? <CaseKindBadge kind={r.caseKind} /> : null}
          </Cell>
          <Cell label="Definition">
            <EvaluationBadge evaluation={r.evaluation} />
          </Cell>
        </Row>
      ))}
    </ListTable>
  )
}
