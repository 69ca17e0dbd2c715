// What a committee member reads on a case file: the lead then and now (changed fields first,
// the rest folded), each criterion with its rule, the lead's value and the result, and the
// criterion the rep's reason disputes. Laid out to fit any width: no table to clip.
import type { ReactNode } from 'react'
import { type CriterionResult, RESULT_LABELS } from '~/domain/definition/evaluator'
import type { CriterionReading } from '~/domain/definition/reading'
import { cx } from './ui'

const RESULT_STYLES: Record<CriterionResult, string> = {
  met: 'bg-green-50 text-green-800 ring-green-200',
  unmet: 'bg-red-50 text-red-800 ring-red-200',
  unknown: 'bg-amber-50 text-amber-900 ring-amber-200',
}

/** A criterion's result as a small labelled pill. */
export function ResultPill({ result }: { result: CriterionResult }) {
  return (
    <span
      className={cx(
        'inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        RESULT_STYLES[result],
      )}
    >
      {RESULT_LABELS[result]}
    </span>
  )
}

/** A lead's value, or "blank" when it has none. */
function Value({ text }: { text: string | null }) {
  return text === null ? <span className="italic text-slate-700">blank</span> : text
}

// Long values (an e-mail, notes) wrap instead of widening the page.
const WRAP = 'min-w-0 [overflow-wrap:anywhere]'

type FieldThenNow = {
  label: string
  opened: string | null
  current: string | null
  changed: boolean
}

/**
 * The lead when the case opened beside the lead now. Changed fields come first, each marked;
 * on a phone each reads "Then" above "Now". Unchanged fields are folded away.
 */
export function LeadThenAndNow({ fields }: { fields: FieldThenNow[] }) {
  const changed = fields.filter((f) => f.changed)
  const unchanged = fields.filter((f) => !f.changed)
  return (
    <div className="space-y-3 text-sm">
      {changed.length ? (
        <>
          <h3 className="font-medium text-slate-900">
            {changed.length === 1
              ? '1 field changed since the case opened'
              : `${changed.length} fields changed since the case opened`}
          </h3>
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(8rem,12rem)_1fr_1fr] gap-x-4 border-b border-slate-200 pb-1 text-xs font-medium uppercase tracking-wide text-slate-600 sm:grid"
          >
            <span>Field</span>
            <span>Then</span>
            <span>Now</span>
          </div>
          <dl aria-label="Changed fields" className="divide-y divide-slate-100">
            {changed.map((f) => (
              <div
                key={f.label}
                className="grid gap-x-4 gap-y-1 border-l-4 border-amber-400 bg-amber-50 py-2 pl-3 sm:grid-cols-[minmax(8rem,12rem)_1fr_1fr]"
              >
                <dt className={cx('font-medium text-slate-900', WRAP)}>
                  {f.label} <span className="sr-only">(changed)</span>
                </dt>
                <dd className={WRAP}>
                  <span className="mr-1 text-xs font-medium text-slate-700 sm:sr-only">Then</span>
                  <Value text={f.opened} />
                </dd>
                <dd className={cx('font-medium', WRAP)}>
                  <span className="mr-1 text-xs font-medium text-slate-700 sm:sr-only">Now</span>
                  <Value text={f.current} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="text-slate-700">No field has changed since the case opened.</p>
      )}
      {unchanged.length ? (
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 font-medium text-brand-700">
            {unchanged.length === 1 ? '1 field unchanged' : `${unchanged.length} fields unchanged`}
          </summary>
          <dl className="grid gap-x-4 gap-y-1 px-3 pb-3 sm:grid-cols-[minmax(8rem,12rem)_1fr]">
            {unchanged.map((f) => (
              <div key={f.label} className="contents">
                <dt className={cx('text-slate-700', WRAP)}>{f.label}</dt>
                <dd className={cx('mb-1 sm:mb-0', WRAP)}>
                  <Value text={f.opened} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  )
}

/**
 * Each criterion with its rule in words, the lead's value then (and now, when it changed) and the
 * result. `aside` puts something beside each criterion: the vote form's "Your finding".
 */
export function CriteriaReadings({
  criteria,
  aside,
}: {
  criteria: CriterionReading[]
  aside?: (criterion: CriterionReading) => ReactNode
}) {
  if (criteria.length === 0) {
    return <p className="text-sm text-slate-700">The definition had no criteria.</p>
  }
  return (
    <ol aria-label="Criteria" className="space-y-3 text-sm">
      {criteria.map((c) => (
        <li
          key={c.key}
          aria-label={c.label}
          className={cx(
            'grid gap-3 rounded-md border border-slate-200 p-3',
            aside ? 'md:grid-cols-[minmax(0,1fr)_13rem]' : undefined,
          )}
        >
          <div className={cx('space-y-1', WRAP)}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{c.label}</span>
              <span className="text-slate-700">({c.required ? 'required' : 'advisory'})</span>
              <ResultPill result={c.result} />
            </p>
            <p className="text-slate-800">
              <span className="text-slate-700">Rule: </span>
              {c.rule}
            </p>
            <p>
              <span className="text-slate-700">Lead’s value{c.changed ? ' then' : ''}: </span>
              <Value text={c.valueThen} />
            </p>
            {c.changed ? (
              <p className="rounded bg-amber-50 px-2 py-1">
                <span className="text-slate-700">Now: </span>
                <Value text={c.valueNow} />
                {c.resultNow !== c.result ? (
                  <>
                    {' '}
                    — now <ResultPill result={c.resultNow} />
                  </>
                ) : null}
              </p>
            ) : null}
          </div>
          {aside ? <div>{aside(c)}</div> : null}
        </li>
      ))}
    </ol>
  )
}

type ReasonCriterion = {
  label: string
  rule: string
  field: string
  value: string | null
  result: CriterionResult
  contradicted: boolean
}

/** The criterion the rep's reason disputes, with the lead's value; amber when the definition found it met. */
export function ReasonCriterionNote({ criterion }: { criterion: ReasonCriterion }) {
  return (
    <div
      className={cx(
        'mt-1 rounded-md border p-2',
        criterion.contradicted ? 'border-amber-300 bg-amber-50' : 'border-slate-200',
      )}
    >
      <p>
        Disputes <span className="font-medium">{criterion.label}</span>: {criterion.rule}
      </p>
      <p>
        {criterion.field} when rejected: <Value text={criterion.value} />{' '}
        <ResultPill result={criterion.result} />
      </p>
      {criterion.contradicted ? (
        <p className="font-medium text-amber-900">
          The definition found this criterion met when the lead was rejected.
        </p>
      ) : null}
    </div>
  )
}
