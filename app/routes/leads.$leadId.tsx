import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CaseKindBadge, EvaluationBadge, StatusBadge } from '~/components/badges'
import { CriterionResults } from '~/components/criteria-list'
import {
  AcceptLeadForm,
  ContactAttemptForm,
  OutcomeForm,
  RejectLeadForm,
} from '~/components/lead-actions'
import { Timeline } from '~/components/timeline'
import { Alert, Card, PageHeader, Table, Td } from '~/components/ui'
import { DISPOSITION_LABELS, OutcomeSchema, VERDICT_LABELS } from '~/domain/cases/schema'
import { LIFECYCLE_LABELS } from '~/domain/leads/fields'
import { getLeadForViewer } from '~/domain/leads/lead.server'
import { leadPage } from '~/domain/leads/lead-page.server'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { can } from '~/domain/people/access'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { logContactAttempt } from '~/domain/sales/log-contact-attempt.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import {
  AcceptSchema,
  CASE_KIND_LABELS,
  ContactAttemptSchema,
  RejectSchema,
} from '~/domain/sales/schema'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? 'Lead'} · Leadcourt` },
]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const page = leadPage(getDb(), user, idParam(args.params, 'leadId'), nowOf(args.context))
  if (!page) throw new Response('Not found', { status: 404 })
  return {
    ...page,
    leadId: idParam(args.params, 'leadId'),
    canEdit: can(user, 'leads.create'),
    canHandBack: can(user, 'nurture.hand_back'),
  }
}

type LeadContext = IntentContext & {
  db: DB
  lead: { id: number; ownerId: number | null }
  now: Date
}

const onlyTheRep = ({ user, lead }: LeadContext) => {
  if (lead.ownerId !== user.id)
    throw new Response('Only the lead’s rep can act on it', { status: 403 })
}

// Who does what: the lead's rep works it; a marketer records what became of it.
const INTENTS = {
  accept: intent({
    schema: AcceptSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (_, c: LeadContext) => acceptLead(c.db, c.user, c.lead.id, c.now),
    notice: 'Lead accepted. It is yours to work.',
    resetForm: true,
  }),
  reject: intent({
    schema: RejectSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (v, c: LeadContext) => rejectLead(c.db, c.user, c.lead.id, v, c.now),
    notice: 'Lead rejected. A case is open for the committee, and the marketer has been told.',
    resetForm: true,
  }),
  'log-contact': intent({
    schema: ContactAttemptSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (v, c: LeadContext) => logContactAttempt(c.db, c.user, c.lead.id, v, c.now),
    notice: 'Contact attempt logged.',
    resetForm: true,
  }),
  'record-outcome': intent({
    schema: OutcomeSchema,
    capability: 'outcomes.record',
    run: (v, c: LeadContext) => recordOutcome(c.db, c.user.id, c.lead.id, v, c.now),
    notice: 'Outcome recorded.',
    resetForm: true,
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const db = getDb()
  const lead = getLeadForViewer(db, user, idParam(args.params, 'leadId'))
  if (!lead) throw new Response('Not found', { status: 404 })
  const ctx = { user, db, lead, now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function LeadPage() {
  const lead = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <PageHeader title={lead.name}>
        {lead.canHandBack && lead.status === 'nurture' ? (
          <Link to={`/nurture?lead=${lead.leadId}`} className="text-sm text-brand-700 underline">
            Hand back to Sales
          </Link>
        ) : null}
        {lead.canEdit ? (
          <Link to={`/leads/${lead.leadId}/edit`} className="text-sm text-brand-700 underline">
            Edit lead
          </Link>
        ) : null}
        <Link to="/leads" className="text-sm text-brand-700 underline">
          All leads
        </Link>
      </PageHeader>
      <p className="flex flex-wrap items-center gap-3 text-slate-700">
        <StatusBadge status={lead.status} />
        <EvaluationBadge evaluation={lead.overall} />
        <span>Handed to Sales {lead.handedOverAt}</span>
        {lead.history ? (
          <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">
            From the CRM’s history: no follow-up clock
          </span>
        ) : null}
        {lead.clock ? (
          <span className={lead.clock.overdue ? 'font-medium text-red-800' : 'text-slate-700'}>
            Follow-up: {lead.clock.label} (due {lead.clock.due})
          </span>
        ) : null}
      </p>
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {lead.status === 'rejected' ? (
        <Alert>
          Rejected in the CRM before Leadcourt, not reviewed. Nobody accepts or rejects it here;{' '}
          {lead.importedCaseId ? (
            <Link to={`/cases/${lead.importedCaseId}`} className="text-brand-700 underline">
              its case {lead.importedCaseId}
            </Link>
          ) : (
            'its case'
          )}{' '}
          waits for the committee to take it up.
        </Alert>
      ) : null}

      {lead.rep ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            {lead.rep.canDecide ? (
              <Card
                title={lead.status === 'returned' ? 'Returned by the committee' : 'Your decision'}
              >
                <p className="mb-3 text-sm text-slate-700">
                  {lead.clock
                    ? 'Accept the lead to start work, or reject it with a reason. Either stops the follow-up clock; if it runs out, the lead goes to the committee as ignored.'
                    : 'Accept the lead to start work, or reject it with a reason. It has no follow-up clock: it came from the CRM’s history.'}
                </p>
                <AcceptLeadForm lastResult={replyFor(actionData, 'accept')} />
              </Card>
            ) : null}
            <ContactAttemptForm
              lastResult={replyFor(actionData, 'log-contact')}
              now={lead.rep.now}
            />
          </div>
          {lead.rep.canDecide ? (
            <RejectLeadForm
              // A newly logged attempt updates the count the form suggests.
              key={lead.attempts.length}
              lastResult={replyFor(actionData, 'reject')}
              reasons={lead.rep.reasons}
              loggedAttempts={lead.attempts.length}
              ruledReason={lead.rep.ruledReason}
            />
          ) : null}
        </div>
      ) : null}

      {lead.cases.length ? (
        <Card title="Cases">
          <ul className="space-y-3 text-sm">
            {lead.cases.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
                    Case {c.id}
                  </Link>{' '}
                  <CaseKindBadge kind={c.kind} />
                  <span className="font-normal text-slate-600">
                    {c.status === 'imported' || c.takenUpAt
                      ? `rejected in the CRM ${c.openedAt}, ${c.takenUpAt ? `taken up ${c.takenUpAt}` : 'not reviewed'}`
                      : `opened ${c.openedAt}`}
                    {c.status === 'in_review' ? `, review due ${c.reviewDueAt}` : ''}
                  </span>
                </p>
                {c.kind === 'rejected' ? (
                  <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4">
                    <dt className="text-slate-600">Reason</dt>
                    <dd>{c.reasonLabel}</dd>
                    <dt className="text-slate-600">Notes</dt>
                    <dd>{c.notes ?? '—'}</dd>
                    <dt className="text-slate-600">Contact attempts</dt>
                    <dd>{c.contactAttempts ?? '—'}</dd>
                    <dt className="text-slate-600">Filed by</dt>
                    <dd>{c.filedByName}</dd>
                  </dl>
                ) : (
                  <p className="mt-1 text-slate-700">
                    {CASE_KIND_LABELS.ignored}: the follow-up clock ran out with no accept or
                    reject.
                  </p>
                )}
                {c.verdict ? (
                  <p className="mt-1">
                    <span className="font-medium">{VERDICT_LABELS[c.verdict]}</span>
                    {c.disposition ? ` — ${DISPOSITION_LABELS[c.disposition]}` : ''}
                    {c.rationale ? (
                      <span className="block whitespace-pre-line text-slate-700">
                        {c.rationale}
                      </span>
                    ) : null}
                  </p>
                ) : null}
                {c.previousCaseId ? (
                  <p className="mt-1 text-slate-600">Follows case {c.previousCaseId}.</p>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="The lead">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {lead.fields.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-600">{f.label}</dt>
                <dd>{f.value ?? <span className="text-slate-400">blank</span>}</dd>
              </div>
            ))}
            {lead.custom.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-slate-600">{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card
          title={
            lead.version
              ? `Against the definition (version ${lead.version.number})`
              : 'Against the definition'
          }
        >
          {lead.version ? (
            <>
              <p className="mb-3 text-sm text-slate-700">
                Judged against{' '}
                <Link
                  to={`/definition/versions/${lead.version.id}`}
                  className="text-brand-700 underline"
                >
                  version {lead.version.number}
                </Link>
                , the version in force when the lead was handed to Sales.
              </p>
              <CriterionResults criteria={lead.criteria} />
            </>
          ) : (
            <p className="text-sm text-slate-700">
              No version of the lead definition was in force when this lead was handed over.
            </p>
          )}
        </Card>
      </div>

      <Card
        title={
          lead.companyDomain ? `Others at ${lead.companyDomain}` : 'Others at the same company'
        }
      >
        {lead.sameCompany.length === 0 ? (
          <p className="text-sm text-slate-700">
            {lead.companyDomain
              ? 'No other leads from this company.'
              : 'The lead has no company domain to match on.'}
          </p>
        ) : (
          <Table
            caption="Other leads from the same company domain"
            columns={['Lead', 'Title', 'Lifecycle stage', 'Status', 'Owner']}
          >
            {lead.sameCompany.map((o) => (
              <tr key={o.id}>
                <Td>
                  {o.canOpen ? (
                    <Link to={`/leads/${o.id}`} className="text-brand-700 underline">
                      {o.name}
                    </Link>
                  ) : (
                    o.name
                  )}
                </Td>
                <Td>{o.title ?? '—'}</Td>
                <Td>{o.lifecycleStage ? LIFECYCLE_LABELS[o.lifecycleStage] : '—'}</Td>
                <Td>
                  <StatusBadge status={o.status} />
                </Td>
                <Td>{o.ownerName}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {lead.cases.length ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="What became of it">
            {lead.outcomes.length === 0 ? (
              <p className="text-sm text-slate-700">No outcome recorded yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {lead.outcomes.map((o) => (
                  <li key={o.id}>
                    <span className="font-medium">{o.label}</span> ({o.occurredOn})
                    {o.note ? `: ${o.note}` : ''}
                    {o.recordedBy ? (
                      <span className="text-slate-600"> — {o.recordedBy}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {lead.canRecordOutcome ? (
            <OutcomeForm lastResult={replyFor(actionData, 'record-outcome')} today={lead.today} />
          ) : null}
        </div>
      ) : null}

      {lead.attempts.length ? (
        <Card title="Contact attempts">
          <ul className="space-y-1 text-sm">
            {lead.attempts.map((a) => (
              <li key={a.id}>
                <span className="text-slate-600">{a.when}</span> — {a.channel} by {a.who}
                {a.note ? `: ${a.note}` : ''}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Timeline entries={lead.timeline} />
    </div>
  )
}
