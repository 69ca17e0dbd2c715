// The Nurture pool's pieces: the Re-engaged badge, one lead of the pool, and its "Hand back to
// Sales" form.
import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { NurturePool } from '~/domain/nurture/pool.server'
import { HandBackSchema } from '~/domain/nurture/schema'
import { EvaluationBadge } from './badges'
import { FormCard, useSchemaForm } from './forms'
import { Button, TextArea } from './ui'

/** A lead that woke up in the pool, or a hand-over that is re-engaged rather than net-new. */
export function ReengagedBadge() {
  return (
    <span className="inline-block rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
      Re-engaged
    </span>
  )
}

type Reply = SubmissionResult<string[]> | null | undefined
type Row = NurturePool['rows'][number]

export function HandBackForm({ leadId, lastResult }: { leadId: number; lastResult: Reply }) {
  const [form, fields] = useSchemaForm(HandBackSchema, {
    id: `hand-back-${leadId}`,
    lastResult,
    defaultValue: { leadId: String(leadId) },
  })
  return (
    <FormCard form={form}>
      <input type="hidden" name="intent" value="hand-back" />
      <input type="hidden" name="leadId" value={leadId} />
      <TextArea
        label="What is new"
        hint="Required: what changed that makes the lead worth Sales’s time again."
        meta={fields.note}
        rows={2}
      />
      <Button type="submit">Hand back to Sales</Button>
    </FormCard>
  )
}

/** One lead in the pool: why it is there, how long, what changed, and how it looks now. */
export function PoolLead({
  row,
  canHandBack,
  lastResult,
}: {
  row: Row
  canHandBack: boolean
  lastResult: Reply
}) {
  return (
    <li
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby={`pool-lead-${row.leadId}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`pool-lead-${row.leadId}`} className="text-lg font-semibold">
          <Link to={`/leads/${row.leadId}`} className="text-brand-700 underline">
            {row.name}
          </Link>
        </h2>
        {row.company ? <span className="text-slate-700">{row.company}</span> : null}
        {row.reengaged ? <ReengagedBadge /> : null}
        <span className="text-sm text-slate-600">
          In the pool {row.age} (since {row.enteredAt}); rep {row.ownerName}
        </span>
      </div>
      {row.reengaged ? (
        <p className="text-sm text-emerald-900">
          Re-engaged {row.reengagedAt}: {row.why.join('; ')}.
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">Sent here by</dt>
        <dd>
          {row.caseId ? (
            <Link to={`/cases/${row.caseId}`} className="text-brand-700 underline">
              Case {row.caseId}
            </Link>
          ) : (
            'A case'
          )}
          : {row.verdict}
          {row.rationale ? <span className="block text-slate-700">“{row.rationale}”</span> : null}
        </dd>
        <dt className="text-slate-600">What changed since</dt>
        <dd>
          {row.changes.length === 0 ? (
            'Nothing yet'
          ) : (
            <ul>
              {row.changes.map((c) => (
                <li key={c.field}>
                  {c.label}: {c.before ?? 'blank'} → {c.after ?? 'blank'}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-slate-600">New contacts at the company</dt>
        <dd>
          {row.companyDomain
            ? `${row.newContacts} new ${row.newContacts === 1 ? 'lead' : 'leads'} at ${row.companyDomain} since`
            : 'No company domain to match on'}
        </dd>
        <dt className="text-slate-600">Against the definition now</dt>
        <dd>
          <EvaluationBadge evaluation={row.definitionNow} />
        </dd>
      </dl>
      {canHandBack ? (
        <details open={Boolean(lastResult)}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            Hand back to Sales
          </summary>
          <div className="mt-2">
            <HandBackForm leadId={row.leadId} lastResult={lastResult} />
          </div>
        </details>
      ) : null}
    </li>
  )
}
