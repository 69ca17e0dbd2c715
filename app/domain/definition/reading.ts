// The definition read against one lead at two moments (when a case opened, and now): each
// criterion with its rule in words, the lead's value that decided it, and the result. The case
// file shows it to the committee; the evaluator decides, this only puts it into words.
import { fieldLabel, fieldText } from '~/domain/leads/fields'
import {
  type CriterionResult,
  type CriterionRule,
  describeRule,
  evaluateCriterion,
  type LeadValues,
  rawValue,
} from './evaluator'

export type CriterionReading = {
  key: string
  label: string
  required: boolean
  /** The rule in words: "Employee count is at least 50". */
  rule: string
  /** The field the rule reads, as people call it. */
  field: string
  /** The lead's value then (when the case opened), as people read it; null when blank. */
  valueThen: string | null
  /** The lead's value now; null when blank. */
  valueNow: string | null
  /** Whether the value the rule reads changed since. */
  changed: boolean
  /** The result then: what the automatic evaluation on the case says. */
  result: CriterionResult
  /** The result now, against the same criterion. */
  resultNow: CriterionResult
}

/** Each criterion read against the lead then and now, in the criteria's order. */
export function readCriteria(
  criteria: readonly CriterionRule[],
  then: LeadValues,
  now: LeadValues,
): CriterionReading[] {
  return criteria.map((c) => {
    const valueThen = fieldText(c.field, rawValue(then, c.field))
    const valueNow = fieldText(c.field, rawValue(now, c.field))
    return {
      key: c.key,
      label: c.label,
      required: c.required,
      rule: describeRule(c),
      field: fieldLabel(c.field),
      valueThen,
      valueNow,
      changed: valueThen !== valueNow,
      result: evaluateCriterion(then, c),
      resultNow: evaluateCriterion(now, c),
    }
  })
}
