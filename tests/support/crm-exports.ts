// Three years of a CRM's leads, exported as that CRM writes them (issue 15): Salesforce's report
// export (month-first `4/15/2024 9:03 AM`), HubSpot's (`2024-04-15 09:03`, upper-case statuses),
// Zoho's (`15 Apr, 2024 09:03:00`, a Converted flag) and a UK Salesforce org's (day-first
// `05/04/2024 09:03`). Deterministic (a seeded generator, no Math.random), before a pinned now.
//
// Each export comes with its truth: per row, the instant the lead was created (written in the
// organisation's time zone, as the CRM shows it to a user there), its status, its source and
// its converted flag. Tests compute what the import should make of the file from this truth,
// never from the app's own readers.
import { DateTime } from 'luxon'
import { random } from '~/demo/data.server'

/** The instant the exports are taken at: a Friday noon, in London's winter time. */
export const EXPORT_NOW = new Date('2026-11-27T12:00:00Z')
/** The organisation's time zone (seedTeam's), in which the files write their times. */
export const EXPORT_TIME_ZONE = 'Europe/London'

export const CRMS = ['salesforce', 'hubspot', 'zoho', 'salesforce-uk'] as const
export type Crm = (typeof CRMS)[number]

export type TruthRow = {
  /** The line of the file the row is on (the header is line 1). */
  line: number
  externalId: string
  email: string
  source: string
  /** When the CRM created the lead: the hand-over. */
  handedOverAt: Date
  /** That time as the file writes it. */
  written: string
  status: string
  converted: boolean
}

export type CrmExport = {
  crm: Crm
  fileName: string
  headers: string[]
  csv: string
  rows: TruthRow[]
}

type Style = {
  fileName: string
  headers: string[]
  /** How the CRM writes a time (luxon's format, in the organisation's zone). */
  dateFormat: string
  idOf: (i: number) => string
  /** Statuses of older leads, with their weights. */
  statuses: [string, number][]
  /** Statuses of the leads created in the last two days, in order. */
  recent: string[]
  sources: string[]
  /** The chance a lead of this status carries a converted flag (CRMs with a flag column). */
  convertedChance?: (status: string) => number
  /** Only days 1 to 12: every numeric date of the file could be read either way. */
  ambiguousDays?: boolean
  lineEnd: string
  row: (r: TruthRow & { first: string; last: string; company: string }) => string[]
}

const SALESFORCE_STATUSES: [string, number][] = [
  ['Open - Not Contacted', 10],
  ['Working - Contacted', 30],
  ['Closed - Converted', 20],
  ['Closed - Not Converted', 40],
]
const SALESFORCE_RECENT = [
  'Open - Not Contacted',
  'Open - Not Contacted',
  'Open - Not Contacted',
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Not Converted',
]
const SALESFORCE_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Trade Show', 'Other']

const STYLES: Record<Crm, Style> = {
  salesforce: {
    fileName: 'salesforce-leads-report.csv',
    headers: [
      'Lead ID',
      'First Name',
      'Last Name',
      'Company',
      'Email',
      'Lead Source',
      'Lead Status',
      'Create Date',
    ],
    dateFormat: 'M/d/yyyy h:mm a',
    idOf: (i) => `00Q5g0000${String(10_000_000 + i)}`,
    statuses: SALESFORCE_STATUSES,
    recent: SALESFORCE_RECENT,
    sources: SALESFORCE_SOURCES,
    lineEnd: '\r\n',
    row: (r) => [r.externalId, r.first, r.last, r.company, r.email, r.source, r.status, r.written],
  },
  hubspot: {
    fileName: 'hubspot-crm-exports-all-leads.csv',
    headers: [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Company Name',
      'Original Source',
      'Lead Status',
      'Create Date',
    ],
    dateFormat: 'yyyy-MM-dd HH:mm',
    idOf: (i) => String(51_200_000_000 + i * 7),
    statuses: [
      ['NEW', 8],
      ['OPEN', 7],
      ['IN_PROGRESS', 15],
      ['ATTEMPTED_TO_CONTACT', 15],
      ['CONNECTED', 20],
      ['BAD_TIMING', 15],
      ['UNQUALIFIED', 20],
    ],
    recent: ['NEW', 'NEW', 'OPEN', 'OPEN', 'CONNECTED', 'UNQUALIFIED'],
    sources: ['Organic Search', 'Paid Search', 'Email Marketing', 'Referrals', 'Direct Traffic'],
    lineEnd: '\n',
    row: (r) => [r.externalId, r.first, r.last, r.email, r.company, r.source, r.status, r.written],
  },
  zoho: {
    fileName: 'Leads_2026_11_27.csv',
    headers: [
      'Lead Id',
      'First Name',
      'Last Name',
      'Email',
      'Company',
      'Lead Source',
      'Lead Status',
      'Created Time',
      'Converted',
    ],
    dateFormat: 'dd LLL, yyyy HH:mm:ss',
    idOf: (i) => `zcrm_57257670000${String(10_000_000 + i)}`,
    statuses: [
      ['Not Contacted', 8],
      ['Attempted to Contact', 12],
      ['Contact in Future', 10],
      ['Contacted', 20],
      ['Pre Qualified', 10],
      ['Junk Lead', 15],
      ['Lost Lead', 15],
      ['Not Qualified', 10],
    ],
    recent: [
      'Not Contacted',
      'Not Contacted',
      'Not Contacted',
      'Not Contacted',
      'Attempted to Contact',
      'Junk Lead',
    ],
    sources: ['Advertisement', 'Cold Call', 'Employee Referral', 'Online Store', 'Web Download'],
    convertedChance: (status) =>
      ['Contacted', 'Pre Qualified'].includes(status)
        ? 0.3
        : ['Junk Lead', 'Lost Lead', 'Not Qualified', 'Contact in Future'].includes(status)
          ? 0.08
          : 0,
    lineEnd: '\n',
    row: (r) => [
      r.externalId,
      r.first,
      r.last,
      r.email,
      r.company,
      r.source,
      r.status,
      r.written,
      r.converted ? 'true' : 'false',
    ],
  },
  // A UK org's Salesforce: day-first times without AM/PM, and (in this export) only leads created
  // on the first twelve days of a month, so no value settles the order and the preview must ask.
  // Its live leads (26 and 27 November) would settle it, so by default it has none (`live`).
  // Its own headers (the data export's "Created Date"), so it does not share a remembered
  // mapping with the US export.
  'salesforce-uk': {
    fileName: 'salesforce-uk-leads.csv',
    headers: [
      'Lead ID',
      'First Name',
      'Last Name',
      'Company',
      'Email',
      'Lead Source',
      'Lead Status',
      'Created Date',
    ],
    dateFormat: 'dd/MM/yyyy HH:mm',
    idOf: (i) => `00Q4K0000${String(10_000_000 + i)}`,
    statuses: SALESFORCE_STATUSES,
    recent: SALESFORCE_RECENT,
    sources: SALESFORCE_SOURCES,
    ambiguousDays: true,
    lineEnd: '\r\n',
    row: (r) => [r.externalId, r.first, r.last, r.company, r.email, r.source, r.status, r.written],
  },
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jonas']
const LAST = ['Silva', 'Okafor', 'Martin', 'Kowalski', 'Tanaka', 'Byrne', 'Novak', 'Haddad']
const COMPANIES: [string, string][] = [
  ['Northwind Traders', 'northwind.example'],
  ['Contoso, Ltd', 'contoso.example'],
  ['Globex', 'globex.example'],
  ['Initech', 'initech.example'],
  ['Umbrella Health', 'umbrella.example'],
  ['Wayne "WE" Enterprises', 'wayne.example'],
]

/**
 * The first day of the export's leads, and the last day before the live ones: nothing on
 * Wednesday 25 November, whose leads are partly in their follow-up time at the export, so that
 * the live leads are exactly the planted ones.
 */
const FIRST_DAY = DateTime.fromISO('2023-12-01', { zone: EXPORT_TIME_ZONE })
const LAST_OLD_DAY = DateTime.fromISO('2026-11-24', { zone: EXPORT_TIME_ZONE })
/** The live leads: created from 08:00 on Thursday 26 November to 11:39 on Friday 27 November. */
const RECENT_FROM = DateTime.fromISO('2026-11-26T08:00', { zone: EXPORT_TIME_ZONE })
const RECENT_STEP_MINUTES = 330

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

function weighted(next: () => number, items: [string, number][]): string {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let x = next() * total
  for (const [item, w] of items) {
    x -= w
    if (x < 0) return item
  }
  return items[items.length - 1]?.[0] as string
}

/**
 * A three-year lead export of `crm` with `rows` rows, oldest first, and the truth of each row;
 * with `live` (the default but for the UK export), the last six were created in the last two
 * days. The same arguments always give the same file.
 */
export function crmExport(
  crm: Crm,
  options: { rows?: number; seed?: number; live?: boolean } = {},
): CrmExport {
  const style = STYLES[crm]
  const rng = random(options.seed ?? 20261127 + CRMS.indexOf(crm))
  const total = options.rows ?? 1200
  const live = (options.live ?? crm !== 'salesforce-uk') ? style.recent : []
  const days = Math.round(LAST_OLD_DAY.diff(FIRST_DAY, 'days').days)
  const created: DateTime[] = []
  while (created.length < total - live.length) {
    const day = FIRST_DAY.plus({ days: rng.int(0, days) })
    if (style.ambiguousDays && day.day > 12) continue
    // Working hours, 07:00 to 21:59: never in the hour a clock change repeats or skips.
    created.push(
      day.set({
        hour: rng.int(7, 21),
        minute: rng.int(0, 59),
        second: style.dateFormat.includes('ss') ? rng.int(0, 59) : 0,
      }),
    )
  }
  created.sort((a, b) => a.toMillis() - b.toMillis())
  const recent = live.map((_, i) =>
    RECENT_FROM.plus({ minutes: i * RECENT_STEP_MINUTES + rng.int(0, 9) }),
  )
  const rows: TruthRow[] = []
  const lines: string[] = [style.headers.map(cell).join(',')]
  for (const [i, at] of [...created, ...recent].entries()) {
    const isRecent = i >= created.length
    const status = isRecent
      ? (live[i - created.length] as string)
      : weighted(rng.next, style.statuses)
    const first = rng.pick(FIRST)
    const last = rng.pick(LAST)
    const [company, domain] = rng.pick(COMPANIES)
    const truth: TruthRow = {
      line: i + 2,
      written: at.setLocale('en-US').toFormat(style.dateFormat),
      externalId: style.idOf(i + 1),
      email: `${first}.${last}.${crm}-${i + 1}@${domain}`.toLowerCase(),
      source: rng.pick(style.sources),
      handedOverAt: at.toJSDate(),
      status,
      converted: !isRecent && rng.chance(style.convertedChance?.(status) ?? 0),
    }
    rows.push(truth)
    lines.push(
      style
        .row({ ...truth, first, last, company })
        .map(cell)
        .join(','),
    )
  }
  const csv = `${lines.join(style.lineEnd)}${style.lineEnd}`
  return { crm, fileName: style.fileName, headers: style.headers, csv, rows }
}

/** A time as the preview shows how it read one: "15 Apr 2024, 09:03 (Europe/London)". */
export function shownAs(at: Date, timeZone = EXPORT_TIME_ZONE): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-GB').toFormat('d LLL yyyy, HH:mm')} (${timeZone})`
}

/** The month (YYYY-MM) of an instant in the organisation's calendar: its report cohort. */
export function monthOf(at: Date, timeZone = EXPORT_TIME_ZONE): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM')
}
