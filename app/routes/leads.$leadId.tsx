import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
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
import { timelineOf } from '~/domain/audit/trail.server'
import { casesOfLead } from '~/domain/cases/lists.server'
import {
  DISPOSITION_LABELS,
  OUTCOME_LABELS,
  OutcomeSchema,
  VERDICT_LABELS,
} from '~/domain/cases/schema'
import { describeRule, evaluate } from '~/domain/definition/evaluator'
import { criteriaOf, getVersion } from '~/domain/definition/versions.server'
import { LEAD_FIELDS, LIFECYCLE_LABELS, leadName } from '~/domain/leads/fields'
import { getLeadForViewer } from '~/domain/leads/lead.server'
import { sameCompanyLeads } from '~/domain/leads/same-company.server'
import { outcomesOf, recordOutcome } from '~/domain/outcomes/outcomes.server'
import { hasRole, seesAllLeads } from '~/domain/people/roles'
import { listReasons } from '~/domain/reasons/reasons.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { contactAttemptsOf, logContactAttempt } from '~/domain/sales/log-contact-attempt.server'
import { isWaiting } from '~/domain/sales/own-lead.server'
import { rejectLead, ruledReasonIds } from '~/domain/sales/reject-lead.server'
import {
  AcceptSchema,
  CASE_KIND_LABELS,
  CHANNEL_LABELS,
  ContactAttemptSchema,
  RejectSchema,
} from '~/domain/sales/schema'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { clockAt, localDate, localOfInstant } from '~/domain/sla/clock'
import { ensureRole, requireUser } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { refusalReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import type { Role } from '~db/enums'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? 'Lead'} · Leadcourt` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const lead = getLeadForViewer(db, user, idParam(params, 'leadId'))
  if (!lead) throw new Response('Not found', { status: 404 })
  const { timeZone } = getOrganisationSettings(db)
  const now = new Date()
  const isRep = lead.ownerId === user.id && hasRole(user, 'rep')
  const waiting = isWaiting(lead)
  const ruled = lead.status === 'returned' ? ruledReasonIds(db, lead.id) : []
  const reasons = listReasons(db)
  const attempts = contactAttemptsOf(db, lead.id)
  const version = lead.definitionVersionId ? getVersion(db, lead.definitionVersionId) : null
  const criteria = version ? criteriaOf(db, version.id) : []
  const evaluation = version ? evaluate(lead, criteria) : null
  return {
    name: leadName(lead),
    fields: LEAD_FIELDS.map((f) => {
      const value = lead[f.key]
      const shown =
        f.key === 'lifecycleStage' && lead.lifecycleStage
          ? LIFECYCLE_LABELS[lead.lifecycleStage]
          : value
      return {
        label: f.label,
        value: shown === null || shown === undefined || shown === '' ? null : String(shown),
      }
    }),
    custom: Object.entries(lead.custom),
    status: lead.status,
    handedOverAt: formatDateTime(lead.handedOverAt, timeZone),
    clock: lead.followUpDueAt
      ? {
          ...clockAt(now, lead.followUpDueAt, timeZone),
          due: formatDateTime(lead.followUpDueAt, timeZone),
        }
      : null,
    rep: isRep
      ? {
          canDecide: waiting,
          now: localOfInstant(now, timeZone),
          reasons: waiting
            ? reasons
                .filter((r) => r.active && !ruled.includes(r.id))
                .map((r) => ({ id: r.id, label: r.label, notesRequired: r.notesRequired }))
            : [],
          ruledReason:
            reasons
              .filter((r) => ruled.includes(r.id))
              .map((r) => `“${r.label}”`)
              .join(', ') || null,
        }
      : null,
    attempts: attempts.map((a) => ({
      id: a.id,
      channel: CHANNEL_LABELS[a.channel],
      when: formatDateTime(a.at, timeZone),
      who: a.userName,
      note: a.note,
    })),
    outcomes: outcomesOf(db, lead.id).map((o) => ({ ...o, label: OUTCOME_LABELS[o.outcome] })),
    canRecordOutcome: hasRole(user, 'marketer'),
    today: localDate(now, timeZone),
    cases: casesOfLead(db, lead.id).map((c) => ({
      ...c,
      openedAt: formatDateTime(c.openedAt, timeZone),
      reviewDueAt: formatDateTime(c.reviewDueAt, timeZone),
    })),
    version: version ? { id: version.id, number: version.number } : null,
    overall: evaluation?.overall ?? null,
    criteria: criteria.map((c, i) => ({
      key: c.key,
      label: c.label,
      required: c.required,
      rule: describeRule(c),
      result: evaluation?.criteria[i]?.result ?? 'unknown',
    })),
    sameCompany: sameCompanyLeads(db, lead).map((other) => ({
      id: other.id,
      name: leadName(other),
      title: other.title,
      status: other.status,
      lifecycleStage: other.lifecycleStage,
      ownerName: other.ownerName,
      canOpen: seesAllLeads(user) || other.ownerId === user.id,
    })),
    companyDomain: lead.companyDomain,
    timeline: timelineOf(db, 'lead', lead.id, timeZone),
  }
}

// Who does what: the lead's rep works it; a marketer records what became of it.
const INTENTS = {
  accept: { schema: AcceptSchema, role: 'rep' },
  reject: { schema: RejectSchema, role: 'rep' },
  'log-contact': { schema: ContactAttemptSchema, role: 'rep' },
  'record-outcome': { schema: OutcomeSchema, role: 'marketer' },
} as const satisfies Record<string, { role: Role; schema: unknown }>
type Intent = keyof typeof INTENTS

const DONE: Record<Intent, string> = {
  accept: 'Lead accepted. It is yours to work.',
  reject: 'Lead rejected. A case is open for the committee, and the marketer has been told.',
  'log-contact': 'Contact attempt logged.',
  'record-outcome': 'Outcome recorded.',
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const lead = getLeadForViewer(db, user, idParam(params, 'leadId'))
  if (!lead) throw new Response('Not found', { status: 404 })
  const formData = await request.formData()
  const intent = String(formData.get('intent')) as Intent
  if (!Object.hasOwn(INTENTS, intent))
    return data({ intent: null, result: null, done: null }, { status: 400 })
  ensureRole(user, INTENTS[intent].role)
  if (INTENTS[intent].role === 'rep' && lead.ownerId !== user.id)
    throw new Response('Only the lead’s rep can act on it', { status: 403 })
  const submission = parseWithZod(formData, { schema: INTENTS[intent].schema })
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), done: null }, { status: 400 })
  const now = new Date()
  const value = submission.value
  const outcome =
    value.intent === 'accept'
      ? acceptLead(db, user, lead.id, now)
      : value.intent === 'reject'
        ? rejectLead(db, user, lead.id, value, now)
        : value.intent === 'log-contact'
          ? logContactAttempt(db, user, lead.id, value, now)
          : recordOutcome(db, user.id, lead.id, value, now)
  if (!outcome.ok)
    return data(
      { intent, result: refusalReply(submission, outcome.fieldErrors), done: null },
      { status: 400 },
    )
  return { intent, result: submission.reply({ resetForm: true }), done: DONE[intent] }
}

export default function LeadPage() {
  const lead = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const replyFor = (intent: Intent) =>
    actionData?.intent === intent && !actionData.done ? actionData.result : undefined
  return (
    <div className="space-y-6">
      <PageHeader title={lead.name}>
        <Link to="/leads" className="text-sm text-brand-700 underline">
          All leads
        </Link>
      </PageHeader>
      <p className="flex flex-wrap items-center gap-3 text-slate-700">
        <StatusBadge status={lead.status} />
        <EvaluationBadge evaluation={lead.overall} />
        <span>Handed to Sales {lead.handedOverAt}</span>
        {lead.clock ? (
          <span className={lead.clock.overdue ? 'font-medium text-red-800' : 'text-slate-700'}>
            Follow-up: {lead.clock.label} (due {lead.clock.due})
          </span>
        ) : null}
      </p>
      {actionData?.done ? <Alert tone="success">{actionData.done}</Alert> : null}

      {lead.rep ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            {lead.rep.canDecide ? (
              <Card
                title={lead.status === 'returned' ? 'Returned by the committee' : 'Your decision'}
              >
                <p className="mb-3 text-sm text-slate-700">
                  Accept the lead to start work, or reject it with a reason. Either stops the
                  follow-up clock; if it runs out, the lead goes to the committee as ignored.
                </p>
                <AcceptLeadForm lastResult={replyFor('accept')} />
              </Card>
            ) : null}
            <ContactAttemptForm lastResult={replyFor('log-contact')} now={lead.rep.now} />
          </div>
          {lead.rep.canDecide ? (
            <RejectLeadForm
              // A newly logged attempt updates the count the form suggests.
              key={lead.attempts.length}
              lastResult={replyFor('reject')}
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
                    opened {c.openedAt}
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
                    <dd>{c.contactAttempts}</dd>
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
            <OutcomeForm lastResult={replyFor('record-outcome')} today={lead.today} />
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
