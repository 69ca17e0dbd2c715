// What changed in a nurtured lead since it entered the pool: the fields that tell a lead is
// waking up (decision 26), compared between the stay's snapshot and the lead now.
import { fieldLabel, fieldText } from '~/domain/leads/fields'

/** The fields the pool compares, in the order it shows them. */
export const WATCHED_FIELDS = [
  'engagementScore',
  'title',
  'employeeCount',
  'purchaseTimelineMonths',
  'lifecycleStage',
] as const

export type FieldChange = {
  field: string
  label: string
  before: string | null
  after: string | null
}

/** The watched fields whose value differs between the snapshot and the lead now. */
export function whatChanged(
  snapshot: Record<string, unknown>,
  now: Record<string, unknown>,
): FieldChange[] {
  return WATCHED_FIELDS.map((field) => ({
    field,
    label: fieldLabel(field),
    before: fieldText(field, snapshot[field]),
    after: fieldText(field, now[field]),
  })).filter((c) => c.before !== c.after)
}
