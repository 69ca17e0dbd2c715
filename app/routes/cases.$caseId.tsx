import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseStageBadge, EvaluationBadge, StatusBadge } from '~/components/badges'
import { BuyingGroupCard, memberLabel } from '~/components/buying-group'
import { ConcedeForm, ContestForm, RecuseForm } from '~/components/case-forms'
import { CriteriaReadings, LeadThenAndNow, ReasonCriterionNote } from '~/components/case-reading'
import { Timeline } from '~/components/timeline'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { VoteForm } from '~/components/vote-form'
import { caseFileView, caseForViewer } from '~/domain/cases/case-file.server'
import { castVote } from '~/domain/cases/cast-vote.server'
import { recuse } from '~/domain/cases/recuse.server'
import { concedeCase, contestCase } from '~/domain/cases/respond-to-case.server'
import {
  ConcedeSchema,
  ContestSchema,
  DISPOSITION_LABELS,
  RecuseSchema,
  TakeUpCaseSchema,
  VERDICT_LABELS,
  VoteSchema,
} from '~/domain/cases/schema'
import { takeUpCases, takeUpNotice } from '~/domain/cases/take-up.server'
import { CASE_STATUS_LABELS, CHANNEL_LABELS } from '~/domain/sales/schema'
import { AND_NEXT_NOTICES } from '~/http/and-next'
import { nextCasePath } from '~/http/and-next.server'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { keepVia } from '~/http/navigation'
import { noticeOf, withNotice } from '~/http/notice'
import { idParam } from '~/http/params'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Case ${data?.id ?? ''} · ${data?.name ?? ''} · Leadcourt` },
]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const db = getDb()
  const found = caseForViewer(db, user, idParam(args.params, 'caseId'))
  if (!found) throw new Response('Not found', { status: 404 })
  return caseFileView(db, user, found, nowOf(args.context))
}

/** What the page says after an action that answered with a redirect (`?notice=`). */
const NOTICES = {
  voted: 'Your vote is in.',
  decided: 'Your vote decided the case.',
  ...AND_NEXT_NOTICES,
}

// `path`: the case's address as it was opened (from the review queue, it says so: decision 37).
type CaseContext = IntentContext & { db: DB; caseId: number; path: string; now: Date }

/** "… and next": the next case in the person's queue, opened the way this one was (`via`). */
const nextCaseOf = (c: CaseContext, done: 'conceded' | 'voted') =>
  nextCasePath(c.db, c.user, c.caseId, c.now, done, (path) =>
    c.path.replace(`/cases/${c.caseId}`, path),
  )

// Marketing answers a case; the committee takes up an imported one, votes or recuses.
const INTENTS = {
  'take-up': intent({
    schema: TakeUpCaseSchema,
    capability: 'cases.take_up',
    run: (_, c: CaseContext) => takeUpCases(c.db, c.user.id, [c.caseId], c.now),
    notice: takeUpNotice,
    // A button, no fields: any refusal is the form's.
    formLevel: true,
  }),
  concede: intent({
    schema: ConcedeSchema,
    capability: 'cases.respond',
    run: (v, c: CaseContext) => concedeCase(c.db, c.user.id, c.caseId, v.disposition, c.now),
    notice: 'Conceded. The case is closed and the rep has been told.',
    resetForm: true,
    next: (c) => nextCaseOf(c, 'conceded'),
  }),
  contest: intent({
    schema: ContestSchema,
    capability: 'cases.respond',
    run: (v, c: CaseContext) => contestCase(c.db, c.user.id, c.caseId, v.brief, c.now),
    notice: 'Contested. Your brief is with the committee.',
    resetForm: true,
  }),
  vote: intent({
    schema: VoteSchema,
    capability: 'cases.vote',
    run: (v, c: CaseContext) => castVote(c.db, c.user.id, c.caseId, v, c.now),
    // Answered with a redirect: the POST renders nothing, the page is read once, by the GET.
    redirect: (done, c) => withNotice(c.path, done.decided ? 'decided' : 'voted'),
    next: (c) => nextCaseOf(c, 'voted'),
  }),
  recuse: intent({
    schema: RecuseSchema,
    capability: 'cases.vote',
    run: (v, c: CaseContext) => recuse(c.db, c.user.id, c.caseId, v.reason, c.now),
    notice: 'You have recused yourself from this case.',
    resetForm: true,
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const db = getDb()
  const found = caseForViewer(db, user, idParam(args.params, 'caseId'))
  if (!found) throw new Response('Not found', { status: 404 })
  const path = keepVia(`/cases/${found.id}`, new URL(args.request.url).searchParams)
  const ctx = { user, db, caseId: found.id, path, now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function CaseFile() {
  const c = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  // The URL's notice says what the redirect after the last action did; once another action
  // answered here (a refusal, say), its reply is what the page shows.
  const notice = actionData ? actionData.notice : noticeOf(searchParams, NOTICES)
  const definitionTitle = c.version
    ? `Against the definition (version ${c.version.number})`
    : 'Against the definition'
  const overallLine = (
    <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      When the case opened: <EvaluationBadge evaluation={c.overall} />
      {c.nowOverall !== c.overall ? (
        <>
          now: <EvaluationBadge evaluation={c.nowOverall} />
        </>
      ) : null}
    </p>
  )
  // Keyed by the case: after "… and next" the next case's forms start empty.
  return (
    <div key={c.id} className="space-y-6">
      <PageHeader title={`Case ${c.id}: ${c.name}`}>
        <Link to={`/leads/${c.leadId}`} className="text-sm text-brand-700 underline">
          The lead
        </Link>
      </PageHeader>
      <p className="flex flex-wrap items-center gap-3 text-slate-700">
        <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium">
          {CASE_STATUS_LABELS[c.status]}
        </span>
        {c.imported ? (
          <span>
            Rejected in the CRM {c.imported.on}
            {c.imported.takenUpAt ? `; taken up for review ${c.imported.takenUpAt}` : ''}
          </span>
        ) : (
          <span>Opened {c.openedAt}</span>
        )}
        {c.reviewClock ? (
          <span className={c.reviewClock.overdue ? 'font-medium text-red-800' : undefined}>
            Review: {c.reviewClock.label} (due {c.reviewDueAt})
          </span>
        ) : null}
        {c.waitingFor ? <span>Waiting for {c.waitingFor}.</span> : null}
      </p>
      {c.movedOnTo ? (
        <p className="text-sm text-slate-800">
          When this case opened the lead went on to {c.movedOnTo}, with a fresh follow-up clock. The
          verdict is recorded but does not move the lead.
        </p>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {actionData?.intent === 'take-up' && formErrorOf(actionData) ? (
        <Alert tone="error">{formErrorOf(actionData)}</Alert>
      ) : null}

      {c.status === 'imported' && c.imported ? (
        <Card title="Imported from the CRM, not reviewed">
          <p className="text-sm text-slate-800">
            Rejected by {c.imported.rejectedBy ?? 'the CRM'} on {c.imported.on}, before Leadcourt.
            The reports count it as a rejection without a verdict; nobody answers or votes on it
            until the committee takes it up.
          </p>
          {c.me.canTakeUp ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="take-up" />
              <Button type="submit">Take up</Button>
              <p className="mt-2 text-sm text-slate-600">
                The case goes into review like any other: its review clock starts now and marketing
                is told.
              </p>
            </Form>
          ) : null}
        </Card>
      ) : null}

      {c.outcome ? (
        <Card title="Verdict">
          <p className="text-lg font-semibold">
            {VERDICT_LABELS[c.outcome.verdict]}
            {c.outcome.disposition ? ` — ${DISPOSITION_LABELS[c.outcome.disposition]}` : ''}
          </p>
          <p className="text-sm text-slate-700">
            {c.status === 'conceded'
              ? `Conceded by marketing, ${c.outcome.at}.`
              : `Decided ${c.outcome.at}, ${c.outcome.unanimous ? 'unanimously' : c.outcome.byChair ? 'on the chair’s casting vote' : 'by a majority'}.`}
            {c.outcome.returnedTo ? ` Returned to ${c.outcome.returnedTo}.` : ''}
            {c.movedOnTo
              ? ` The verdict did not move the lead: it had gone on to ${c.movedOnTo} when the case opened.`
              : ''}
          </p>
          {c.status === 'decided' ? (
            <p className="mt-1 text-sm">
              {c.outcome.agreesWithDefinition
                ? 'The verdict agrees with the definition.'
                : `The verdict departs from the definition${c.outcome.departures.length ? ` on: ${c.outcome.departures.join(', ')}` : ''}.`}
            </p>
          ) : null}
          <h3 className="mt-3 text-sm font-medium">Rationale</h3>
          <p className="whitespace-pre-line text-sm text-slate-800">{c.outcome.rationale}</p>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={c.kind === 'rejected' ? 'The rejection' : 'Ignored'}>
          {c.kind === 'rejected' ? (
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
              <dt className="text-slate-600">Rep</dt>
              <dd>{c.rep}</dd>
              <dt className="text-slate-600">Stage</dt>
              <dd>
                {c.afterContact
                  ? 'Rejected after contact: the rep accepted and worked the lead'
                  : 'Rejected before contact: the lead was waiting for the rep'}
              </dd>
              <dt className="text-slate-600">Reason</dt>
              <dd className="min-w-0">
                {c.reason}
                {c.reasonCriterion ? <ReasonCriterionNote criterion={c.reasonCriterion} /> : null}
              </dd>
              {c.workingLead ? (
                <>
                  <dt className="text-slate-600">Already worked as</dt>
                  <dd>
                    {c.workingLead.canOpen ? (
                      <Link to={`/leads/${c.workingLead.id}`} className="text-brand-700 underline">
                        {memberLabel(c.workingLead)}
                      </Link>
                    ) : (
                      memberLabel(c.workingLead)
                    )}
                    , {c.workingLead.ownerName}, <StatusBadge status={c.workingLead.status} />
                  </dd>
                </>
              ) : null}
              <dt className="text-slate-600">Notes</dt>
              <dd>{c.notes ?? '—'}</dd>
              <dt className="text-slate-600">Contact attempts</dt>
              <dd>{c.contactAttempts ?? (c.imported ? 'not recorded by the CRM' : '—')}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-700">
              {c.rep} neither accepted nor rejected the lead before the follow-up clock ran out.
            </p>
          )}
          {c.loggedAttempts.length ? (
            <ul className="mt-3 space-y-1 text-sm">
              {c.loggedAttempts.map((a) => (
                <li key={a.id}>
                  {a.when} — {CHANNEL_LABELS[a.channel]} by {a.who}
                  {a.note ? `: ${a.note}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-600">No contact attempts were logged.</p>
          )}
        </Card>
        <Card title="Marketing’s response">
          {c.response ? (
            <div className="text-sm">
              <p className="font-medium">
                {c.response.kind === 'conceded' ? 'Conceded' : 'Contested'} by {c.response.by},{' '}
                {c.response.at}
              </p>
              {c.response.brief ? (
                <p className="mt-2 whitespace-pre-line">{c.response.brief}</p>
              ) : null}
            </div>
          ) : c.status === 'imported' ? (
            <p className="text-sm text-slate-700">
              Not asked: marketing answers once the committee takes the case up.
            </p>
          ) : (
            <p className="text-sm text-slate-700">
              No response yet. The committee may rule without one.
            </p>
          )}
        </Card>
      </div>

      {c.me.canRespond ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <ContestForm lastResult={replyFor(actionData, 'contest')} />
          <ConcedeForm
            lastResult={replyFor(actionData, 'concede')}
            caseId={c.id}
            rep={c.rep ?? 'the rep'}
            movedOnTo={c.movedOnTo}
          />
        </div>
      ) : null}

      <Card title="The lead then and now">
        <LeadThenAndNow fields={c.fields} />
        <p className="mt-3 flex items-center gap-2 text-sm">
          Lead now: <StatusBadge status={c.leadStatus} />
        </p>
      </Card>

      {c.me.canVote ? (
        <VoteForm
          key={c.voteCount}
          lastResult={replyFor(actionData, 'vote')}
          title={definitionTitle}
          intro={overallLine}
          criteria={c.criteria}
          reps={c.reps}
          current={c.me.vote}
        />
      ) : (
        <Card title={definitionTitle}>
          {overallLine}
          <CriteriaReadings criteria={c.criteria} />
        </Card>
      )}

      {c.votes ? (
        <Card title={`Votes (${c.votes.length})`}>
          {c.votes.length === 0 ? (
            <p className="text-sm text-slate-700">No votes yet.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {c.votes.map((v) => (
                <li key={v.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium">
                    {v.member} ({v.seat} seat{v.isChair ? ', chair' : ''}):{' '}
                    {VERDICT_LABELS[v.verdict]}
                    {v.disposition ? ` — ${DISPOSITION_LABELS[v.disposition]}` : ''}
                  </p>
                  <p className="whitespace-pre-line">{v.rationale}</p>
                  {v.findings.length ? (
                    <p className="text-slate-600">
                      Findings: {v.findings.map((f) => `${f.criterion}: ${f.finding}`).join('; ')}
                    </p>
                  ) : null}
                  {v.departureJustification ? (
                    <p className="text-amber-900">Departure: {v.departureJustification}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {c.recusals?.length ? (
            <p className="mt-3 text-sm text-slate-700">Recused: {c.recusals.join('; ')}.</p>
          ) : null}
        </Card>
      ) : null}

      {c.me.cannotVote ? <Alert>{c.me.cannotVote}.</Alert> : null}
      {c.me.canVote && !c.me.vote ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <RecuseForm lastResult={replyFor(actionData, 'recuse')} />
        </div>
      ) : null}

      {c.earlierCases.length ? (
        <Card title="Other cases on this lead">
          <ul className="space-y-1 text-sm">
            {c.earlierCases.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-2">
                <CaseStageBadge kind={e.kind} afterContact={e.afterContact} />
                <Link to={`/cases/${e.id}`} className="text-brand-700 underline">
                  Case {e.id}
                </Link>
                {e.reason ? `${e.reason}, ` : ''}
                opened {e.openedAt}
                {e.verdict ? ` — ${VERDICT_LABELS[e.verdict]}` : ''}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <BuyingGroupCard group={c.buyingGroup} showCases />

      <Timeline entries={c.timeline} />
    </div>
  )
}
