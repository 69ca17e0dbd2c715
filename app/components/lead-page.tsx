// The parts of the lead page that depend on who looks and where the lead stands: the rep's
// panel (accept or reject while it waits; log attempts, mark converted or reject after contact
// once working), the conversion, and the cases on the lead.

import { Link } from '@remix-run/react'
import { DISPOSITION_LABELS, VERDICT_LABELS } from '~/domain/cases/schema'
import { CASE_KIND_LABELS } from '~/domain/sales/schema'
import { type ActionReply, replyFor } from '~/http/reply'
import { formatCount } from '~/platform/numbers'
import type { CaseKind, CaseStatus, Disposition, LeadStatus, Verdict } from '~db/enums'
import { CaseStageBadge } from './badges'
import type { BuyingGroupView } from './buying-group'
import {
  AcceptLeadForm,
  ContactAttemptForm,
  MarkConvertedForm,
  RejectLeadForm,
} from './lead-actions'
import type { RejectReason } from './reason-check'
import { Card } from './ui'

/** When the lead was marked converted, and the opportunity it became. */
export function ConversionNote({
  conversion,
}: {
  conversion: { at: string; opportunityRef: string | null; opportunityAmount: number | null }
}) {
  return (
    <Card title="Converted">
      <p className="text-sm text-slate-800">
        Marked converted {conversion.at}
        {conversion.opportunityRef ? `: opportunity ${conversion.opportunityRef}` : ''}
        {conversion.opportunityAmount !== null
          ? `${conversion.opportunityRef ? ',' : ':'} amount ${formatCount(conversion.opportunityAmount)}`
          : ''}
        .
      </p>
    </Card>
  )
}

type Rep = {
  canDecide: boolean
  canConvert: boolean
  canReject: boolean
  afterContact: boolean
  now: string
  reasons: RejectReason[]
  ruledReason: string | null
  loggedAttempts: number
}

/** What the lead's rep may do with it, by where it stands. */
export function RepPanel({
  lead,
  rep,
  actionData,
}: {
  lead: {
    status: LeadStatus
    clock: unknown
    attempts: unknown[]
    buyingGroup: BuyingGroupView | null
  }
  rep: Rep
  actionData: ActionReply<unknown> | undefined
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        {rep.canDecide ? (
          <Card title={lead.status === 'returned' ? 'Returned by the committee' : 'Your decision'}>
            <p className="mb-3 text-sm text-slate-700">
              {lead.clock
                ? 'Accept the lead to start work, or reject it with a reason. Either stops the follow-up clock; if it runs out, the lead goes to the committee as ignored.'
                : 'Accept the lead to start work, or reject it with a reason. It has no follow-up clock: it came from the CRM’s history.'}
            </p>
            <AcceptLeadForm lastResult={replyFor(actionData, 'accept')} />
          </Card>
        ) : null}
        {rep.canConvert ? (
          <p className="text-sm text-slate-700">
            You are working this lead. Log each contact attempt; when it becomes an opportunity,
            mark it converted; if it turns out not to be a lead, reject it after contact.
          </p>
        ) : null}
        <ContactAttemptForm lastResult={replyFor(actionData, 'log-contact')} now={rep.now} />
        {rep.canConvert ? (
          <MarkConvertedForm lastResult={replyFor(actionData, 'mark-converted')} />
        ) : null}
      </div>
      {rep.canReject ? (
        <RejectLeadForm
          // A newly logged attempt updates the count the form suggests.
          key={lead.attempts.length}
          lastResult={replyFor(actionData, 'reject')}
          reasons={rep.reasons}
          loggedAttempts={rep.loggedAttempts}
          ruledReason={rep.ruledReason}
          afterContact={rep.afterContact}
          group={lead.buyingGroup}
        />
      ) : null}
    </div>
  )
}

type LeadCase = {
  id: number
  kind: CaseKind
  afterContact: boolean
  status: CaseStatus
  reasonLabel: string | null
  notes: string | null
  contactAttempts: number | null
  filedByName: string | null
  openedAt: string
  reviewDueAt: string
  takenUpAt: string | null
  previousCaseId: number | null
  verdict: Verdict | null
  disposition: Disposition | null
  rationale: string | null
}

/** The cases on the lead, oldest first, each with its stage. */
export function LeadCases({ cases }: { cases: LeadCase[] }) {
  if (!cases.length) return null
  return (
    <Card title="Cases">
      <ul className="space-y-3 text-sm">
        {cases.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              <Link to={`/cases/${c.id}`} className="text-brand-700 underline">
                Case {c.id}
              </Link>{' '}
              <CaseStageBadge kind={c.kind} afterContact={c.afterContact} />
              <span className="font-normal text-slate-600">
                {c.status === 'imported' || c.takenUpAt
                  ? `rejected in the CRM ${c.openedAt}, ${c.takenUpAt ? `taken up ${c.takenUpAt}` : 'not reviewed'}`
                  : `opened ${c.openedAt}`}
                {c.status === 'in_review' ? `, review due ${c.reviewDueAt}` : ''}
              </span>
            </p>
            {c.kind === 'rejected' ? (
              <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 [overflow-wrap:anywhere]">
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
                {CASE_KIND_LABELS.ignored}: the follow-up clock ran out with no accept or reject.
              </p>
            )}
            {c.verdict ? (
              <p className="mt-1">
                <span className="font-medium">{VERDICT_LABELS[c.verdict]}</span>
                {c.disposition ? ` — ${DISPOSITION_LABELS[c.disposition]}` : ''}
                {c.rationale ? (
                  <span className="block whitespace-pre-line text-slate-700">{c.rationale}</span>
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
  )
}
