// What a CRM file's dates, statuses and age mean (decision 25): the order of its numeric dates,
// what each value of its status columns becomes, and whether leads handed over before a cut-off
// are recorded as history or worked now. Chosen on the import's preview, remembered with the
// mapping. Shared by the page (no server imports) and the importer.
import type { DateOrder } from './dates'
import type { ValueTable } from './values'

/** What one value of a status column becomes; `rejected:<reason id>` names the reason. */
export type StatusChoice = 'leave' | 'waiting' | 'accepted' | 'converted' | `rejected:${number}`

export const HISTORY_MODES = ['history', 'work'] as const
export type HistoryMode = (typeof HISTORY_MODES)[number]

export type ImportOptions = {
  /** How the file's numeric dates are written; null until the file or a person settles it. */
  dateOrder: DateOrder | null
  /** Per status column, per value: what it becomes. A value not listed is left as it is. */
  statuses: Record<string, Record<string, StatusChoice>>
  /**
   * For leads handed over before the cut-off (every lead, when no hand-over time is mapped).
   * Null: the default, history for a file with hand-over times, work now for one without.
   */
  history: HistoryMode | null
  /**
   * The cut-off, a date in the organisation's calendar (YYYY-MM-DD), when chosen for this
   * import; null: the default, worked out when the preview reads the file and again when the
   * import starts (`beginImport` refuses to start if it has moved since).
   */
  cutoff: string | null
  /**
   * Per field (source, campaign), per value folded (values.ts): the value stored for it, an
   * existing one it was mapped to or its own first spelling kept as new (decision 45).
   */
  values: ValueTable
  /** New leads that do not meet the definition are held back, not imported (decision 45). */
  holdBack: boolean
}

export const NO_OPTIONS: ImportOptions = {
  dateOrder: null,
  statuses: {},
  history: null,
  cutoff: null,
  values: {},
  holdBack: false,
}

export const STATUS_ACTION_LABELS = {
  leave: 'Leave as it is',
  waiting: 'Waiting for Sales',
  accepted: 'Accepted',
  converted: 'Converted',
  rejected: 'Rejected with reason',
} as const

/** Which of two choices says more about what happened: rejected, converted, accepted, waiting. */
const WEIGHT = { leave: 0, waiting: 1, accepted: 2, converted: 3, rejected: 4 } as const
export const actionOf = (choice: StatusChoice) =>
  (choice.startsWith('rejected:') ? 'rejected' : choice) as keyof typeof WEIGHT
export const reasonOf = (choice: StatusChoice): number | null =>
  choice.startsWith('rejected:') ? Number(choice.slice('rejected:'.length)) : null

/**
 * What a row's status columns say together: the weightiest of their choices (a lead any column
 * calls rejected was rejected; the first such column's reason counts).
 */
export function combinedChoice(choices: StatusChoice[]): StatusChoice {
  let best: StatusChoice = 'leave'
  for (const choice of choices) if (WEIGHT[actionOf(choice)] > WEIGHT[actionOf(best)]) best = choice
  return best
}

const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * The statuses of Salesforce, HubSpot and Zoho lead exports (and a few plain words), compared
 * without case, spaces or punctuation: what each becomes, and for a rejection the label of the
 * catalog's reason it is filed under.
 */
const DEFAULTS: Record<string, StatusChoice | { reason: string }> = Object.fromEntries(
  (
    [
      // Salesforce
      ['Open - Not Contacted', 'waiting'],
      ['Working - Contacted', 'accepted'],
      ['Closed - Converted', 'converted'],
      ['Closed - Not Converted', { reason: 'Other' }],
      // HubSpot
      ['NEW', 'waiting'],
      ['OPEN', 'waiting'],
      ['IN_PROGRESS', 'accepted'],
      ['ATTEMPTED_TO_CONTACT', 'accepted'],
      ['CONNECTED', 'accepted'],
      ['OPEN_DEAL', 'accepted'],
      ['BAD_TIMING', { reason: 'Not sales-ready (timing)' }],
      ['UNQUALIFIED', { reason: 'Outside ideal customer profile' }],
      // Zoho
      ['Not Contacted', 'waiting'],
      ['Attempted to Contact', 'accepted'],
      ['Contact in Future', { reason: 'Not sales-ready (timing)' }],
      ['Contacted', 'accepted'],
      ['Pre Qualified', 'accepted'],
      ['Junk Lead', { reason: 'Competitor / student / job seeker / spam' }],
      ['Lost Lead', { reason: 'Other' }],
      ['Not Qualified', { reason: 'Outside ideal customer profile' }],
      // Plain words
      ['Working', 'accepted'],
      ['Qualified', 'accepted'],
      ['Converted', 'converted'],
      ['Won', 'converted'],
      ['Disqualified', { reason: 'Outside ideal customer profile' }],
      ['Junk', { reason: 'Competitor / student / job seeker / spam' }],
    ] as [string, StatusChoice | { reason: string }][]
  ).map(([value, choice]) => [squash(value), choice]),
)

/**
 * What a status value becomes unless someone says otherwise: the CRMs' usual meaning, with a
 * rejection filed under the catalog's reason of that label (when the catalog has it active),
 * else left as it is.
 */
export function defaultStatusChoice(
  value: string,
  reasons: { id: number; label: string }[],
): StatusChoice {
  const key = squash(value)
  // Own properties only: a status "constructor" is not Object's.
  const known = Object.hasOwn(DEFAULTS, key) ? DEFAULTS[key] : undefined
  if (!known) return 'leave'
  if (typeof known === 'string') return known
  const reason = reasons.find((r) => r.label.toLowerCase() === known.reason.toLowerCase())
  return reason ? `rejected:${reason.id}` : 'leave'
}

/** Values a converted flag holds when the lead converted. */
const CONVERTED = new Set(['1', 'yes', 'y', 'true', 't', 'converted', 'won', 'x'])
export const convertedFlag = (value: string) => CONVERTED.has(value.trim().toLowerCase())

/** A status choice as a form sends it, or null when it is not one. */
export function statusChoiceOf(text: string, reasonIds: Set<number>): StatusChoice | null {
  if (text === 'leave' || text === 'waiting' || text === 'accepted' || text === 'converted')
    return text
  const match = /^rejected:([1-9][0-9]{0,9})$/.exec(text)
  return match && reasonIds.has(Number(match[1])) ? (`rejected:${Number(match[1])}` as const) : null
}

/** What the preview's form chose; what it does not say keeps what was chosen before. */
export type OptionsInput = Partial<Omit<ImportOptions, 'statuses'>> & {
  statuses?: ImportOptions['statuses']
}

/** What a status value was chosen to become, if it was (own properties only: a column or a
 * value may be called "__proto__" or "toString"). */
export function chosenStatus(
  statuses: ImportOptions['statuses'],
  column: string,
  value: string,
): StatusChoice | undefined {
  const values = Object.hasOwn(statuses, column) ? statuses[column] : undefined
  return values && Object.hasOwn(values, value) ? values[value] : undefined
}

/** `statuses` with `column`'s choices `values` added (computed keys define own properties). */
export const withStatuses = (
  statuses: ImportOptions['statuses'],
  column: string,
  values: Record<string, StatusChoice>,
): ImportOptions['statuses'] => ({
  ...statuses,
  [column]: { ...(Object.hasOwn(statuses, column) ? statuses[column] : {}), ...values },
})

/** Status choices `chosen` over `before`, column by column. */
export function mergeStatuses(
  before: ImportOptions['statuses'],
  chosen: ImportOptions['statuses'],
): ImportOptions['statuses'] {
  return Object.entries(chosen).reduce(
    (merged, [column, values]) => withStatuses(merged, column, values),
    before,
  )
}
