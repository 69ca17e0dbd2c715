// Column mapping for lead import, shared by the mapping page and the importer. A column maps
// to a lead field, to the owner, to a custom attribute named after the column, or is ignored.
import { LEAD_FIELDS, type LeadFieldKey } from '~/domain/leads/fields'

/** What a CRM knew about a lead's life: when it was handed over, contacted, its status. */
export const CRM_TARGETS = [
  'handedOverAt',
  'firstContactAt',
  'statusChangedAt',
  'status',
  'converted',
] as const
export type CrmTarget = (typeof CRM_TARGETS)[number]
export const DATE_TARGETS = ['handedOverAt', 'firstContactAt', 'statusChangedAt'] as const
export type DateTarget = (typeof DATE_TARGETS)[number]

export type Target = LeadFieldKey | 'owner' | CrmTarget | 'custom' | 'ignore'
export type Mapping = Record<string, Target>

export const TARGET_LABELS: Record<Target, string> = {
  ...(Object.fromEntries(LEAD_FIELDS.map((f) => [f.key, f.label])) as Record<LeadFieldKey, string>),
  owner: 'Owner (a rep’s e-mail or name)',
  handedOverAt: 'Hand-over time (when the lead was created)',
  firstContactAt: 'First contact time',
  statusChangedAt: 'Status change time',
  status: 'CRM status (choose what each value means)',
  converted: 'Converted flag (1, Yes, True…)',
  custom: 'Custom attribute',
  ignore: 'Ignore this column',
}

export const TARGETS = Object.keys(TARGET_LABELS) as Target[]

/** A target's label without its explanation: "Hand-over time". */
export const targetName = (target: Target) => TARGET_LABELS[target].replace(/ \(.*\)$/, '')

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '')

// The usual headers of Salesforce, HubSpot and Zoho CRM lead exports (and common plain ones),
// compared without case, spaces or punctuation.
const KNOWN: Record<string, Target> = Object.fromEntries(
  (
    [
      [
        'externalId',
        [
          'External ID',
          'Lead ID',
          'Id',
          'Record ID',
          'Contact ID',
          'Lead Id',
          'Prospect ID',
          'CRM ID',
        ],
      ],
      ['email', ['Email', 'E-mail', 'Email Address', 'Work Email']],
      ['firstName', ['First Name', 'Given Name']],
      ['lastName', ['Last Name', 'Surname', 'Family Name']],
      ['phone', ['Phone', 'Phone Number', 'Mobile', 'Mobile Phone', 'Mobile Phone Number']],
      ['title', ['Title', 'Job Title', 'Designation']],
      ['company', ['Company', 'Company Name', 'Account Name', 'Organization', 'Company / Account']],
      [
        'companyDomain',
        ['Website', 'Website URL', 'Company Domain', 'Company Domain Name', 'Domain'],
      ],
      ['industry', ['Industry']],
      [
        'employeeCount',
        [
          'No. of Employees',
          'Number of Employees',
          'NumberOfEmployees',
          'Employees',
          'Employee Count',
          'Company Size',
        ],
      ],
      ['country', ['Country', 'Country/Region', 'Country Region']],
      [
        'source',
        ['Lead Source', 'LeadSource', 'Source', 'Original Source', 'Original Traffic Source'],
      ],
      [
        'campaign',
        [
          'Campaign',
          'Campaign Name',
          'Campaign Source',
          'Primary Campaign Source',
          'First Campaign',
          'UTM Campaign',
        ],
      ],
      ['lifecycleStage', ['Lifecycle Stage', 'Lifecycle']],
      ['engagementScore', ['Engagement Score', 'Lead Score', 'HubSpot Score', 'Score']],
      [
        'purchaseTimelineMonths',
        [
          'Purchase Timeline',
          'Purchase Timeline (months)',
          'Timeline',
          'Timeline (months)',
          'Buying Timeline',
        ],
      ],
      ['notes', ['Notes', 'Description', 'Note']],
      [
        'owner',
        [
          'Owner',
          'Lead Owner',
          'Contact Owner',
          'Owner Email',
          'Lead Owner Email',
          'Assigned To',
          'Rep',
        ],
      ],
      [
        'handedOverAt',
        [
          'Created Time',
          'Created Date',
          'Create Date',
          'Created At',
          'Created',
          'Lead Created Date',
          'Date Created',
          'Creation Date',
          'Became a Lead Date',
        ],
      ],
      [
        'firstContactAt',
        ['First Contact', 'First Contact Time', 'First Contact Date', 'First Contacted'],
      ],
      [
        'statusChangedAt',
        [
          'Status Change Date',
          'Status Changed',
          'Last Status Change',
          'Lead Status Changed',
          'Lead Status Change Date',
        ],
      ],
      ['status', ['Lead Status', 'Status', 'Lead Stage']],
      ['converted', ['Converted', 'Is Converted', 'IsConverted', 'Lead Converted']],
    ] as [Target, string[]][]
  ).flatMap(([target, headers]) => headers.map((h) => [squash(h), target])),
)

/** The target a header is recognised as, or null when people must choose. */
export function recognise(header: string): Target | null {
  return KNOWN[squash(header)] ?? null
}

/**
 * The mapping offered for a file: one remembered for the same headers if there is one, else
 * each column recognised or kept as a custom attribute (so that nothing is dropped unasked).
 */
export function proposeMapping(headers: string[], remembered?: Mapping | null): Mapping {
  const taken = new Set<Target>()
  return Object.fromEntries(
    headers.map((header) => {
      const fromMemory = remembered?.[header]
      if (fromMemory) return [header, fromMemory]
      const known = recognise(header)
      // A field takes the first column recognised for it; later ones stay custom attributes
      // (any number of columns may be statuses).
      const target = known && (known === 'status' || !taken.has(known)) ? known : 'custom'
      if (known) taken.add(known)
      return [header, target]
    }),
  )
}

/** The key a mapping is remembered under: the file's headers, in order, without case. */
export function headersKey(headers: string[]): string {
  return headers.map((h) => h.trim().toLowerCase()).join('\u001f')
}
