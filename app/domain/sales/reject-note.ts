// The reject form checks the rep's reason against the definition (decision 41): a reason linked
// to a criterion ("Outside ideal customer profile" disputes "Ideal customer size") shows what
// the definition found for that criterion on this lead, and when the definition finds it met,
// the rep must say in the notes why the reason still applies. Pure: shared by the lead page
// (what the form shows) and `rejectLead` (what it refuses).
import {
  type CriterionResult,
  type CriterionRule,
  evaluateCriterion,
  type LeadValues,
  rawValue,
} from '~/domain/definition/evaluator'
import { fieldLabel, fieldText, type LeadFieldKey } from '~/domain/leads/fields'

/** What the definition found for the criterion a reason disputes, on one lead. */
export type ReasonCheck = {
  criterionKey: string
  criterionLabel: string
  /** The lead's value the criterion reads, as people read it ("1,200 employees"), or null when blank. */
  value: string | null
  /** The field the criterion reads, for a blank value ("Employee count"). */
  field: string
  result: CriterionResult
}

// Fields whose numbers read better with their unit ("1,200 employees", "6 months").
const UNITS: Partial<Record<LeadFieldKey, [one: string, many: string]>> = {
  employeeCount: ['employee', 'employees'],
  purchaseTimelineMonths: ['month', 'months'],
}

function valueText(field: string, raw: unknown): string | null {
  const text = fieldText(field, raw)
  if (text === null) return null
  const unit = UNITS[field as LeadFieldKey]
  if (!unit || typeof raw !== 'number') return text
  return `${text} ${raw === 1 ? unit[0] : unit[1]}`
}

/**
 * What the definition found for the reason's criterion on this lead: null when the reason
 * disputes no criterion, or the lead's version of the definition has no such criterion.
 */
export function reasonCheck(
  lead: LeadValues,
  criteria: readonly CriterionRule[],
  reason: { criterionKey: string | null },
): ReasonCheck | null {
  if (!reason.criterionKey) return null
  const criterion = criteria.find((c) => c.key === reason.criterionKey)
  if (!criterion) return null
  return {
    criterionKey: criterion.key,
    criterionLabel: criterion.label,
    value: valueText(criterion.field, rawValue(lead, criterion.field)),
    field: criterion.field,
    result: evaluateCriterion(lead, criterion),
  }
}

const RESULT_WORDS: Record<CriterionResult, string> = {
  met: 'met',
  unmet: 'not met',
  unknown: 'unknown, the lead’s data leaves it open',
}

/** The check in words: "Ideal customer size: 1,200 employees — met". */
export function describeReasonCheck(check: ReasonCheck): string {
  const value = check.value ?? `${fieldLabel(check.field).toLowerCase()} blank`
  return `${check.criterionLabel}: ${value} — ${RESULT_WORDS[check.result]}`
}

/** A note is required when the reason disputes a criterion the definition finds met. */
export const noteRequired = (check: ReasonCheck | null): check is ReasonCheck =>
  check?.result === 'met'

/** Why the notes are required, on the `notes` field. */
export function noteRequiredMessage(reasonLabel: string, check: ReasonCheck): string {
  return `The definition finds “${check.criterionLabel}” met for this lead (${check.value ?? 'blank'}), and “${reasonLabel}” disputes it: say in the notes why the reason applies`
}
