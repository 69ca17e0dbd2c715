import type { ReactNode } from 'react'
import {
  type CriterionResult,
  describeRule,
  RESULT_LABELS,
  type RuleValue,
} from '~/domain/definition/evaluator'
import type { Operator } from '~db/enums'

export type CriterionView = {
  id: number
  key: string
  label: string
  description: string
  field: string
  operator: Operator
  value: RuleValue
  required: boolean
}

/** A version's criteria in plain language: what a lead is, criterion by criterion. */
export function CriteriaList({
  criteria,
  actions,
}: {
  criteria: CriterionView[]
  actions?: (criterion: CriterionView) => ReactNode
}) {
  if (criteria.length === 0) return <p className="text-slate-600">No criteria yet.</p>
  return (
    <ol className="space-y-3">
      {criteria.map((c) => (
        <li key={c.id} className="rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-medium">
                {c.label}{' '}
                <span
                  className={
                    c.required
                      ? 'ml-1 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700'
                      : 'ml-1 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700'
                  }
                >
                  {c.required ? 'Required' : 'Advisory'}
                </span>
              </p>
              <p className="text-sm text-slate-800">{describeRule(c)}</p>
              {c.description ? (
                <p className="mt-1 text-sm text-slate-600">{c.description}</p>
              ) : null}
              <p className="mt-1 font-mono text-xs text-slate-500">{c.key}</p>
            </div>
            {actions ? <div className="flex gap-2">{actions(c)}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  )
}

const RESULT_STYLES = {
  met: 'text-green-800',
  unmet: 'text-red-800',
  unknown: 'text-amber-900',
} as const

/** Each criterion of a version with the rule in words and its result for one lead. */
export function CriterionResults({
  criteria,
}: {
  criteria: {
    key: string
    label: string
    required: boolean
    rule: string
    result: CriterionResult
  }[]
}) {
  return (
    <ul className="space-y-2 text-sm">
      {criteria.map((c) => (
        <li key={c.key} className="rounded-md border border-slate-200 p-2">
          <p className="font-medium">
            {c.label}{' '}
            <span className="font-normal text-slate-600">
              ({c.required ? 'required' : 'advisory'})
            </span>
          </p>
          <p className="text-slate-700">{c.rule}</p>
          <p className={RESULT_STYLES[c.result]}>{RESULT_LABELS[c.result]}</p>
        </li>
      ))}
    </ul>
  )
}
