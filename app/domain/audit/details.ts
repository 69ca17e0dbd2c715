// An audit entry's fields as the trail's "details" show them to an admin (decision 38): human
// names and values people read (names for user ids, dates in the organisation's zone, yes/no,
// lists), never raw JSON, internal keys or ISO times. Pure.
import { LEAD_FIELDS } from '~/domain/leads/fields'
import { formatCount } from '~/platform/numbers'
import { fieldsOf, keyWords, listed, type Reading, when } from './words'

export type FieldChange = {
  key: string
  field: string
  before: string | null
  after: string | null
}

const FIELD_NAMES: Record<string, string> = {
  ...Object.fromEntries(LEAD_FIELDS.map((f) => [f.key, f.label])),
  status: 'Status',
  caseId: 'Case',
  leadId: 'Lead',
  ownerId: 'Owner',
  repId: 'Rep',
  marketerId: 'Marketer',
  followUpDueAt: 'Follow-up due',
  reviewDueAt: 'Review due',
  handedOverAt: 'Handed over',
  rejectedAt: 'Rejected',
  previousSecretUntil: 'Old secret signs until',
  at: 'When',
  occurredOn: 'On',
  kind: 'Kind',
  reason: 'Reason',
  notes: 'Notes',
  note: 'Note',
  contactAttempts: 'Contact attempts',
  afterContact: 'After contact',
  workingLeadId: 'Lead being worked',
  definitionVersionId: 'Definition version',
  previousCaseId: 'Earlier case',
  importJobId: 'Import',
  verdict: 'Verdict',
  disposition: 'Disposition',
  rationale: 'Rationale',
  findings: 'Findings',
  departures: 'Departures from the definition',
  departureJustification: 'Why it departs',
  unanimous: 'Unanimous',
  byChair: 'Decided by the chair’s vote',
  agreesWithDefinition: 'Agrees with the definition',
  brief: 'Brief',
  channel: 'Channel',
  outcome: 'Outcome',
  opportunityRef: 'Opportunity',
  opportunityAmount: 'Opportunity amount',
  evaluation: 'Evaluation',
  how: 'How',
  stayId: 'Nurture stay',
  why: 'Why',
  history: 'Imported history',
  custom: 'Custom fields',
  name: 'Name',
  email: 'E-mail',
  roles: 'Roles',
  seat: 'Seat',
  isChair: 'Chair',
  active: 'Active',
  label: 'Label',
  criterionKey: 'Criterion',
  notesRequired: 'Notes required',
  namesWorkingLead: 'Names the lead being worked',
  organisationName: 'Organisation name',
  timeZone: 'Time zone',
  followUpHours: 'Follow-up SLA (hours)',
  reviewDays: 'Review SLA (days)',
  returnHours: 'Return SLA (hours)',
  reminderPercent: 'Reminder share (%)',
  onClockOut: 'When a clock runs out',
  quorum: 'Quorum',
  reengagementScore: 'Re-engagement score',
  autoHandBack: 'Hand back automatically',
  allowPrivateTargets: 'Private addresses allowed',
  number: 'Version',
  from: 'From version',
  by: 'By version',
  description: 'Description',
  field: 'Field',
  operator: 'Operator',
  value: 'Value',
  required: 'Required',
  fileName: 'File',
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failed: 'Failed',
  error: 'Error',
  url: 'Address',
  events: 'Events',
  graceHours: 'Grace (hours)',
  deliveryId: 'Delivery',
  messageId: 'Message',
  attempts: 'Attempts',
  viaToken: 'Through API token',
  scopes: 'Scopes',
  expiresAt: 'Expires',
  ratePerMinute: 'Requests a minute',
  prefix: 'Prefix',
  tokenId: 'Token',
  members: 'Created together',
}

/** Fields that hold a user's id: shown as the user's name. */
const PERSON_FIELDS = new Set(['ownerId', 'repId', 'marketerId'])

/** Fields that name a record by its number (ids, version numbers): shown as stored, "12345". */
const isNumberingField = (key: string) =>
  key.endsWith('Id') || ['number', 'from', 'by'].includes(key)

/**
 * Fields whose values are the app's own keys (`in_review`, `does_not_meet`): shown in words.
 * Every other text (a source, a campaign, a note) is shown exactly as stored, so it reads as
 * the filters list it.
 */
const KEYWORD_FIELDS = new Set([
  'status',
  'kind',
  'verdict',
  'outcome',
  'channel',
  'disposition',
  'seat',
  'roles',
  'operator',
  'onClockOut',
  'how',
  'evaluation',
  'scopes',
])

/** A field's name as people read it: "Decided by the chair’s vote", or its key in words. */
export function fieldName(key: string): string {
  const known = FIELD_NAMES[key]
  if (known) return known
  const words = keyWords(key)
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

/** How many ids of a batched entry's members the trail's page shows. */
const MEMBERS_SHOWN = 20

/** A batched entry's members (see `batchingSink`) by their ids: `[{ id, after, hash }]`. */
const isMemberList = (value: unknown[]) =>
  value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && 'hash' in v)

/** A value as people read it, or null for nothing (blank, an empty list or object). */
export function shownValue(key: string, value: unknown, r: Reading): string | null {
  if (value === null || value === undefined || value === '') return null
  if (PERSON_FIELDS.has(key) && typeof value === 'number')
    return r.readerId === value ? 'You' : (r.nameOf(value) ?? `User ${value}`)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return isNumberingField(key) ? String(value) : formatCount(value)
  if (typeof value === 'string')
    return when(value, r) ?? (KEYWORD_FIELDS.has(key) ? keyWords(value) : value)
  if (Array.isArray(value)) {
    if (isMemberList(value)) {
      const ids = value.slice(0, MEMBERS_SHOWN).map((m) => `lead ${(m as { id: string }).id}`)
      const more = value.length - ids.length
      return `${formatCount(value.length)}: ${ids.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}`
    }
    const items = value.map((v) => shownValue(key, v, r)).filter((v): v is string => v !== null)
    return items.length ? listed(items) : null
  }
  const entries = Object.entries(fieldsOf(value))
    .map(([k, v]) => [fieldName(k), shownValue(k, v, r)] as const)
    .filter(([, v]) => v !== null)
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join('; ') : null
}

/** The fields that differ between before and after (all of after for a creation), in words. */
export function describeChanges(before: unknown, after: unknown, r: Reading): FieldChange[] {
  const b = fieldsOf(before)
  const a = fieldsOf(after)
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map((key) => ({
      key,
      field: fieldName(key),
      before: shownValue(key, b[key], r),
      after: shownValue(key, a[key], r),
    }))
    .filter((change) => change.before !== change.after)
}

/**
 * The names of the fields an update changed: those of `after` whose value differs from
 * `before`'s (a field set for the first time included; one only `before` holds, such as a
 * criterion's id, is no change).
 */
export function fieldNamesOf(before: unknown, after: unknown): string[] {
  const b = fieldsOf(before)
  const a = fieldsOf(after)
  return Object.keys(a)
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map(fieldName)
}
