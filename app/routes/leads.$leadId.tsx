import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { EvaluationBadge, StatusBadge } from '~/components/badges'
import { BuyingGroupCard } from '~/components/buying-group'
import { CriterionResults } from '~/components/criteria-list'
import { OutcomeForm } from '~/components/lead-actions'
import { ConversionNote, LeadCases, RepPanel } from '~/components/lead-page'
import { LeadKeys } from '~/components/queue-keys'
import { Timeline } from '~/components/timeline'
import { Alert, Card, PageHeader } from '~/components/ui'
import { OutcomeSchema } from '~/domain/cases/schema'
import { getLeadForViewer } from '~/domain/leads/lead.server'
import { leadPage } from '~/domain/leads/lead-page.server'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { can } from '~/domain/people/access'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { logContactAttempt } from '~/domain/sales/log-contact-attempt.server'
import { markConverted } from '~/domain/sales/mark-converted.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import {
  AcceptSchema,
  ContactAttemptSchema,
  MarkConvertedSchema,
  RejectSchema,
} from '~/domain/sales/schema'
import { AND_NEXT_NOTICES } from '~/http/and-next'
import { nextLeadPath } from '~/http/and-next.server'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { noticeOf, withNotice } from '~/http/notice'
import { idParam } from '~/http/params'
import { replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatCalendarDate } from '~/platform/time'
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

/** What the page says after an action that answered with a redirect (`?notice=`). */
const NOTICES = {
  rejected: 'Lead rejected. A case is open for the committee, and the marketer has been told.',
  'rejected-after-contact':
    'Lead rejected after contact. A case is open for the committee, and the marketer has been told.',
  ...AND_NEXT_NOTICES,
}

type LeadContext = IntentContext & {
  db: DB
  lead: { id: number; ownerId: number | null; status: string }
  now: Date
}

const onlyTheRep = ({ user, lead }: LeadContext) => {
  if (lead.ownerId !== user.id)
    throw new Response('Only the lead’s rep can act on it', { status: 403 })
}

// Who does what: the lead's rep works it (accept, reject before or after contact, log attempts,
// mark converted); a marketer records what became of it.
const INTENTS = {
  accept: intent({
    schema: AcceptSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (_, c: LeadContext) => acceptLead(c.db, c.user, c.lead.id, c.now),
    notice: 'Lead accepted. It is yours to work.',
    resetForm: true,
    next: (c) => nextLeadPath(c.db, c.user.id, c.lead.id, 'accepted'),
  }),
  reject: intent({
    schema: RejectSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (v, c: LeadContext) => rejectLead(c.db, c.user, c.lead.id, v, c.now),
    next: (c) => nextLeadPath(c.db, c.user.id, c.lead.id, 'rejected'),
    // Answered with a redirect: the POST renders nothing, the page is read once, by the GET.
    redirect: (_, c) =>
      withNotice(
        `/leads/${c.lead.id}`,
        c.lead.status === 'working' ? 'rejected-after-contact' : 'rejected',
      ),
  }),
  'mark-converted': intent({
    schema: MarkConvertedSchema,
    capability: 'leads.work',
    authorize: onlyTheRep,
    run: (v, c: LeadContext) => markConverted(c.db, c.user, c.lead.id, v, c.now),
    notice: 'Marked converted. The lead is now an opportunity.',
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
  const [searchParams] = useSearchParams()
  // The URL's notice says what the redirect after the last action did; once another action
  // answered here (a refusal, say), its reply is what the page shows.
  const notice = actionData ? actionData.notice : noticeOf(searchParams, NOTICES)
  // Keyed by the lead: after "… and next" the next lead's forms start empty, not with the last
  // lead's reason and notes.
  return (
    <div key={lead.leadId} className="space-y-6">
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
      {notice ? <Alert tone="success">{notice}</Alert> : null}
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

      {lead.conversion ? <ConversionNote conversion={lead.conversion} /> : null}

      {lead.rep ? <RepPanel lead={lead} rep={lead.rep} actionData={actionData} /> : null}
      {lead.rep ? <LeadKeys /> : null}

      <LeadCases cases={lead.cases} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="The lead">
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
            {lead.fields.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-600">{f.label}</dt>
                <dd>{f.value ?? <span className="italic text-slate-600">blank</span>}</dd>
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

      <BuyingGroupCard group={lead.buyingGroup} />

      {lead.cases.length ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="What became of it">
            {lead.outcomes.length === 0 ? (
              <p className="text-sm text-slate-700">No outcome recorded yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {lead.outcomes.map((o) => (
                  <li key={o.id}>
                    <span className="font-medium">{o.label}</span> (
                    {formatCalendarDate(o.occurredOn)}){o.note ? `: ${o.note}` : ''}
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
