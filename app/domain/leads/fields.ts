// The fields of a lead, shared by the definition's rule builder, the lead form, the import
// mapping and the lead page. Criteria may also test custom attributes as `custom.<name>`.
import { formatCount } from '~/platform/numbers'
import { LIFECYCLE_STAGES, type LifecycleStage } from '~db/enums'

type LeadFieldType = 'text' | 'number' | 'email' | 'lifecycle'

export const LEAD_FIELDS = [
  { key: 'externalId', label: 'External id', type: 'text' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'firstName', label: 'First name', type: 'text' },
  { key: 'lastName', label: 'Last name', type: 'text' },
  { key: 'phone', label: 'Phone', type: 'text' },
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'company', label: 'Company', type: 'text' },
  { key: 'companyDomain', label: 'Company domain', type: 'text' },
  { key: 'industry', label: 'Industry', type: 'text' },
  { key: 'employeeCount', label: 'Employee count', type: 'number' },
  { key: 'country', label: 'Country', type: 'text' },
  { key: 'source', label: 'Source', type: 'text' },
  { key: 'campaign', label: 'Campaign', type: 'text' },
  { key: 'lifecycleStage', label: 'Lifecycle stage', type: 'lifecycle' },
  { key: 'engagementScore', label: 'Engagement score', type: 'number' },
  { key: 'purchaseTimelineMonths', label: 'Purchase timeline (months)', type: 'number' },
  { key: 'notes', label: 'Notes', type: 'text' },
] as const satisfies readonly { key: string; label: string; type: LeadFieldType }[]

export type LeadFieldKey = (typeof LEAD_FIELDS)[number]['key']

export const LEAD_FIELD_KEYS = LEAD_FIELDS.map((f) => f.key) as LeadFieldKey[]

export const LIFECYCLE_LABELS: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
}
export { LIFECYCLE_STAGES }

/** A lead field's value as people read it ("1,200", "MQL"), or null when blank. */
export function fieldText(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (field === 'lifecycleStage') return LIFECYCLE_LABELS[value as LifecycleStage] ?? String(value)
  if (typeof value === 'number') return formatCount(value)
  return String(value)
}

export const CUSTOM_PREFIX = 'custom.'

export function isLeadFieldKey(key: string): key is LeadFieldKey {
  return (LEAD_FIELD_KEYS as string[]).includes(key)
}

/** The label of a lead field or custom attribute, as people read it. */
export function fieldLabel(field: string): string {
  if (field.startsWith(CUSTOM_PREFIX)) return `${field.slice(CUSTOM_PREFIX.length)} (custom)`
  return LEAD_FIELDS.find((f) => f.key === field)?.label ?? field
}

/** What a lead is called in lists and headings: the person's name, else how it is identified. */
export function leadName(lead: {
  id: number
  firstName?: string | null
  lastName?: string | null
  email?: string | null
  externalId?: string | null
}): string {
  return (
    [lead.firstName, lead.lastName].filter(Boolean).join(' ') ||
    lead.email ||
    lead.externalId ||
    `Lead ${lead.id}`
  )
}
