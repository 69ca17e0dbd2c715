// The lead definition's evaluator: a pure function from a lead and a version's criteria to a
// result per criterion and an overall result. Shared by server and browser.

import { CUSTOM_PREFIX, fieldLabel, LEAD_FIELDS } from '~/domain/leads/fields'
import type { Evaluation, Operator } from '~db/enums'

export type RuleValue = string | number | string[] | null

export type CriterionRule = {
  key: string
  label: string
  required: boolean
  field: string
  operator: Operator
  value: RuleValue
}

export type CriterionResult = 'met' | 'unmet' | 'unknown'

export type LeadValues = { [field: string]: unknown; custom?: Record<string, unknown> | null }

type EvaluationResult = {
  overall: Evaluation
  criteria: { key: string; result: CriterionResult }[]
}

/** The value a criterion on `field` reads from the lead (a custom attribute by its name, any case). */
export function rawValue(lead: LeadValues, field: string): unknown {
  if (!field.startsWith(CUSTOM_PREFIX)) return lead[field]
  // Custom attributes are named as the imported column was; match the name without case.
  const name = field.slice(CUSTOM_PREFIX.length).trim().toLowerCase()
  const key = Object.keys(lead.custom ?? {}).find((k) => k.trim().toLowerCase() === name)
  return key === undefined ? undefined : lead.custom?.[key]
}

/** Trimmed, case-folded, inner whitespace collapsed; null when blank. */
function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = String(value).trim().replace(/\s+/g, ' ').toLowerCase()
  return text === '' ? null : text
}

/** A number from a number or from text such as " 1,200 " or "45%"; null when it is not one. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  const text = normalise(value)
  if (text === null) return null
  const cleaned = text.replace(/[,\s]/g, '').replace(/%$/, '')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null
  return Number(cleaned)
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

function list(value: RuleValue): string[] {
  const items = Array.isArray(value) ? value : value === null ? [] : [String(value)]
  return items.map(normalise).filter((v): v is string => v !== null)
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    if (phrase.every((word, j) => haystack[i + j] === word)) return true
  }
  return false
}

// A plain number as people write one: "50", "3.5", "-2" (not "007" or "1,2", which are codes).
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/

/**
 * A number field ("Employee count") compares as numbers; any other field compares as numbers
 * only when both sides are plain numbers, and otherwise as text.
 */
function equalsValue(actual: unknown, expected: unknown, numberField: boolean): boolean {
  const plain = (v: unknown) => typeof v === 'number' || PLAIN_NUMBER.test(normalise(v) ?? '')
  if (numberField || (plain(actual) && plain(expected))) {
    const [a, b] = [toNumber(actual), toNumber(expected)]
    if (a !== null && b !== null) return a === b
  }
  return normalise(actual) === normalise(expected)
}

/** One criterion against one lead: met, unmet, or unknown when the field is blank. */
export function evaluateCriterion(
  lead: LeadValues,
  rule: Omit<CriterionRule, 'key' | 'label' | 'required'>,
): CriterionResult {
  const raw = rawValue(lead, rule.field)
  const text = normalise(raw)
  if (rule.operator === 'present') return text === null ? 'unmet' : 'met'
  if (text === null) return 'unknown'
  const verdict = (holds: boolean): CriterionResult => (holds ? 'met' : 'unmet')
  const numberField = LEAD_FIELDS.some((f) => f.key === rule.field && f.type === 'number')
  switch (rule.operator) {
    case 'equals':
      return verdict(
        equalsValue(raw, Array.isArray(rule.value) ? rule.value[0] : rule.value, numberField),
      )
    case 'one_of':
      return verdict(list(rule.value).some((v) => equalsValue(raw, v, numberField)))
    case 'not_one_of':
      return verdict(!list(rule.value).some((v) => equalsValue(raw, v, numberField)))
    case 'at_least':
    case 'at_most': {
      const actual = toNumber(raw)
      const bound = toNumber(rule.value)
      // Text where a number belongs ("n/a", "lots") cannot be judged by the rule.
      if (actual === null || bound === null) return 'unknown'
      return verdict(rule.operator === 'at_least' ? actual >= bound : actual <= bound)
    }
    case 'contains_any_word': {
      const haystack = words(text)
      return verdict(list(rule.value).some((phrase) => containsPhrase(haystack, words(phrase))))
    }
  }
}

/**
 * Meets when every required criterion is met; does not meet when any required criterion is
 * unmet; undetermined when none is unmet but some are unknown. Advisory criteria never change
 * the overall result.
 */
export function evaluate(lead: LeadValues, criteria: CriterionRule[]): EvaluationResult {
  const results = criteria.map((c) => ({ key: c.key, result: evaluateCriterion(lead, c) }))
  return { overall: overallOf(criteria, results), criteria: results }
}

/** The overall result from per-criterion results: any required unmet, else any unknown, else meets. */
export function overallOf(
  criteria: readonly { key: string; required: boolean }[],
  results: readonly { key: string; result: CriterionResult }[],
): Evaluation {
  const required = results.filter((r) => criteria.find((c) => c.key === r.key)?.required)
  return required.some((r) => r.result === 'unmet')
    ? 'does_not_meet'
    : required.some((r) => r.result === 'unknown')
      ? 'undetermined'
      : 'meets'
}

export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'equals',
  one_of: 'is one of',
  not_one_of: 'is not one of',
  at_least: 'is at least',
  at_most: 'is at most',
  present: 'is present',
  contains_any_word: 'contains any of the words',
}

/** Operators that take a list of values, one number, or nothing. */
export function operatorTakes(operator: Operator): 'list' | 'number' | 'none' | 'single' {
  if (operator === 'one_of' || operator === 'not_one_of' || operator === 'contains_any_word')
    return 'list'
  if (operator === 'at_least' || operator === 'at_most') return 'number'
  if (operator === 'present') return 'none'
  return 'single'
}

/** The rule in plain words, e.g. "Employee count is at least 50". */
export function describeRule(rule: {
  field: string
  operator: Operator
  value: RuleValue
}): string {
  const subject = fieldLabel(rule.field)
  const takes = operatorTakes(rule.operator)
  if (takes === 'none') return `${subject} is filled in`
  const values = Array.isArray(rule.value)
    ? rule.value
    : rule.value === null
      ? []
      : [String(rule.value)]
  const shown =
    takes === 'list'
      ? values.length > 1
        ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`
        : (values[0] ?? '…')
      : (values[0] ?? '…')
  return `${subject} ${OPERATOR_LABELS[rule.operator]} ${shown}`
}

export const EVALUATION_LABELS: Record<Evaluation, string> = {
  meets: 'Meets the definition',
  does_not_meet: 'Does not meet the definition',
  undetermined: 'Undetermined',
}

export const RESULT_LABELS: Record<CriterionResult, string> = {
  met: 'Met',
  unmet: 'Not met',
  unknown: 'Unknown — people must judge',
}
