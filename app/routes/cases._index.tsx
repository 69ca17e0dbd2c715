import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseStageBadge } from '~/components/badges'
import { BulkCaseActions } from '~/components/bulk-actions'
import { BulkBar, BulkResult, BulkSelection, SelectCell } from '~/components/bulk-select'
import { CaseFilterFields } from '~/components/case-filters'
import { Cell, ListTable, Row } from '~/components/list-table'
import { LiveFilterForm } from '~/components/live-filters'
import { Alert, Button, PageHeader, SelectField } from '~/components/ui'
import { ViewsMenu } from '~/components/views-menu'
import { countCases, listCases } from '~/domain/cases/lists.server'
import { TakeUpCasesSchema } from '~/domain/cases/schema'
import { takeUpCases, takeUpNotice } from '~/domain/cases/take-up.server'
import { leadName } from '~/domain/leads/fields'
import { filterOptions } from '~/domain/leads/filter-options.server'
import { can } from '~/domain/people/access'
import { CASE_STATUS_LABELS, CASE_STATUSES, CaseListQuerySchema } from '~/domain/sales/schema'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import { LIST_SORTS, nextOrder, orderOf } from '~/domain/views/sort'
import { viewsOf } from '~/domain/views/views-of.server'
import { BULK_CASE_INTENTS } from '~/http/bulk-intents.server'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { readListQuery } from '~/http/list-query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatCount } from '~/platform/numbers'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'

export const meta: MetaFunction = () => [{ title: 'Rejected and ignored leads · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args
  const user = await requireUser(args)
  const { sort, dir, ...query } = readListQuery(request, 'cases', CaseListQuerySchema)
  const order = orderOf('cases', { sort, dir })
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  // A marketer starts from the leads they answer for, and may widen the list to everyone's.
  const onlyMine = can(user, 'cases.respond') && query.marketer !== 'any'
  const scope = { ...query, marketerId: onlyMine ? user.id : undefined }
  const page = listCases(db, user, { ...scope, dir: order.dir })
  const everyone = can(user, 'leads.read.all')
  const canTakeUp = can(user, 'cases.take_up')
  const { after: _, ...filters } = scope
  // Bulk actions (decision 43): concede (marketing), record an outcome.
  const bulk = {
    canConcede: can(user, 'cases.respond'),
    canRecord: can(user, 'outcomes.record'),
    today: localDate(nowOf(args.context), timeZone),
  }
  return {
    bulk,
    isMarketer: can(user, 'cases.respond'),
    everyone,
    canTakeUp,
    // The backlog the filters leave: imported cases, not reviewed, for the committee.
    importedCount: canTakeUp ? countCases(db, user, { ...filters, status: 'imported' }) : null,
    rows: page.rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      afterContact: c.afterContact,
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
    order,
    views: viewsOf(db, user.id, 'cases'),
    nextCursor: page.nextCursor,
    ...filterOptions(db, { reps: everyone }),
  }
}

type CasesContext = IntentContext & { db: DB; now: Date }

// The committee takes up imported cases: one (its row's button) or those shown.
const INTENTS = {
  'take-up': intent({
    schema: TakeUpCasesSchema,
    capability: 'cases.take_up',
    run: (v, c: CasesContext) => takeUpCases(c.db, c.user.id, v.caseId, c.now),
    notice: takeUpNotice,
    payload: (done) => ({ takenUp: done.takenUp, skipped: done.skipped }),
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const ctx = { user, db: getDb(), now: nowOf(args.context) }
  const form = await readForm(args.request)
  // The bulk actions (decision 43) answer with what was done and refused.
  if (String(form.get('intent')).startsWith('bulk-'))
    return dispatchIntent(form, ctx, BULK_CASE_INTENTS)
  return dispatchIntent(form, ctx, INTENTS)
}

/** Every message of a refused action, whichever field it names (the forms here are buttons). */
function refusalMessages(reply: ReturnType<typeof useActionData<typeof action>>): string | null {
  const errors = Object.values(reply?.result?.error ?? {}).flat()
  return errors.length ? errors.join(' ') : null
}

/** A button that takes up the cases named, as one POST. */
function TakeUpButton({
  caseIds,
  label,
  name,
}: {
  caseIds: number[]
  label: string
  name?: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="take-up" />
      {caseIds.map((id) => (
        <input key={id} type="hidden" name="caseId" value={id} />
      ))}
      <Button
        type="submit"
        variant={caseIds.length > 1 ? 'primary' : 'secondary'}
        aria-label={name}
      >
        {label}
      </Button>
    </Form>
  )
}

export default function Cases() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const refusal = actionData?.intent?.startsWith('bulk-') ? null : refusalMessages(actionData)
  const bulkable = data.bulk.canConcede || data.bulk.canRecord
  const importedShown = data.canTakeUp
    ? data.rows.filter((c) => c.status === 'imported').map((c) => c.id)
    : []
  const [params] = useSearchParams()
  const next = new URLSearchParams(params)
  if (data.nextCursor) next.set('after', data.nextCursor)
  const filter = (name: string) => params.get(name) ?? ''
  return (
    <div className="space-y-4">
      <PageHeader title="Rejected and ignored leads" />
      <p className="text-slate-700">
        Every lead Sales rejected (with a reason) or ignored (its follow-up clock ran out) becomes a
        case for the committee. Rejections imported from a CRM are cases “imported, not reviewed”
        until the committee takes them up.
      </p>
      <LiveFilterForm
        label="Filter cases"
        clearTo="/cases"
        ignoreInCount={['marketer']}
        foldOnPhone
      >
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
      </LiveFilterForm>
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {data.importedCount ? (
        <div className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">
            {data.importedCount === 1
              ? '1 imported case matches these filters and is not reviewed.'
              : `${formatCount(data.importedCount)} imported cases match these filters and are not reviewed.`}{' '}
            Taken up, a case goes into review and leaves the imported ones; filter by “Imported, not
            reviewed” to work through them a page at a time.
          </p>
          {importedShown.length ? (
            <TakeUpButton
              caseIds={importedShown}
              label={
                importedShown.length === 1
                  ? 'Take up the 1 imported case shown'
                  : `Take up the ${formatCount(importedShown.length)} imported cases shown`
              }
            />
          ) : null}
        </div>
      ) : null}
      <BulkSelection formId="bulk-cases" name="caseId" ids={data.rows.map((c) => c.id)}>
        <BulkResult reply={actionData} showNotice={false} />
        {bulkable && data.rows.length ? (
          <BulkBar label="Bulk actions on cases" reply={actionData}>
            <BulkCaseActions {...data.bulk} />
          </BulkBar>
        ) : null}
        {data.rows.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
            No rejected or ignored leads match.
          </p>
        ) : (
          <CaseRows
            rows={data.rows}
            order={data.order}
            canTakeUp={data.canTakeUp}
            selectable={bulkable}
          />
        )}
      </BulkSelection>
      {data.nextCursor ? (
        <Link to={`?${next}`} className="text-sm text-brand-700 underline">
          Next page
        </Link>
      ) : null}
      <ViewsMenu list="cases" views={data.views} />
    </div>
  )
}

type CasesData = SerializeFrom<typeof loader>

/** The cases of a page: a table on a desktop, a card per case on a phone. */
function CaseRows({
  rows,
  order,
  canTakeUp,
  selectable,
}: {
  rows: CasesData['rows']
  order: CasesData['order']
  canTakeUp: boolean
  /** A checkbox a row, for the bulk actions (decision 43). */
  selectable: boolean
}) {
  const { opened } = LIST_SORTS.cases.columns
  return (
    <ListTable
      caption={`Rejected and ignored leads, ${order.dir === 'asc' ? 'oldest' : 'newest'} first`}
      columns={[
        ...(selectable ? [{ label: 'Select' }] : []),
        { label: 'Lead' },
        { label: 'Stage' },
        { label: 'Reason and notes' },
        { label: 'Rep' },
        { label: 'Source' },
        { label: opened.label, sort: 'opened' },
        { label: 'Case' },
      ]}
      order={order}
      nextOrder={() => nextOrder('cases', order, 'opened')}
    >
      {rows.map((c) => (
        <Row key={c.id}>
          {selectable ? <SelectCell id={c.id} label={`case ${c.id}, ${c.name}`} /> : null}
          <Cell label="Lead" bare>
            <Link to={`/leads/${c.leadId}`} className="font-medium text-brand-700 underline">
              {c.name}
            </Link>
            {c.company ? <div className="text-slate-600">{c.company}</div> : null}
          </Cell>
          <Cell label="Stage" bare>
            <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
          </Cell>
          <Cell label="Reason" bare>
            {c.kind === 'rejected' ? (
              <>
                <div className="font-medium">{c.reason}</div>
                {c.notes ? <div className="text-slate-700">{c.notes}</div> : null}
                <div className="text-slate-600">
                  {c.contactAttempts === null
                    ? 'Rejected in the CRM'
                    : `${c.contactAttempts} contact attempts`}
                </div>
              </>
            ) : (
              <span className="text-slate-700">Follow-up clock ran out</span>
            )}
          </Cell>
          <Cell label="Rep">{c.repName}</Cell>
          <Cell label="Source">
            {c.source ?? '—'}
            {c.campaign ? <span className="text-slate-600 md:block"> {c.campaign}</span> : null}
          </Cell>
          <Cell label={opened.label} first className="text-slate-700 md:whitespace-nowrap">
            {c.openedAt}
          </Cell>
          <Cell label="Case" bare>
            <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
              Case {c.id}
            </Link>
            <div className="text-slate-600">{CASE_STATUS_LABELS[c.status]}</div>
            {canTakeUp && c.status === 'imported' ? (
              <div className="mt-1">
                <TakeUpButton caseIds={[c.id]} label="Take up" name={`Take up case ${c.id}`} />
              </div>
            ) : null}
          </Cell>
        </Row>
      ))}
    </ListTable>
  )
}
