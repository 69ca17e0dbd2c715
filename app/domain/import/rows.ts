// One record of a file turned into lead fields and custom attributes, or the reason it fails.
// Form-default placeholders that real exports are full of; they mean "not filled in".
import { LEAD_FIELDS } from '~/domain/leads/fields'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { CRM_TARGETS, type CrmTarget, type Mapping } from './mapping'

const PLACEHOLDERS = new Set([
  'select',
  '--select--',
  '-- select --',
  'n/a',
  'na',
  '-',
  '--',
  'null',
  'none',
])
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length))
function blank(value: string): boolean {
  const text = value.trim()
  return text === '' || (text.length <= LONGEST_PLACEHOLDER && PLACEHOLDERS.has(text.toLowerCase()))
}

/** What a row's CRM columns hold, as written: its dates, its status per column, its converted flag. */
export type CrmCells = {
  handedOverAt?: string
  firstContactAt?: string
  statusChangedAt?: string
  converted?: string
  /** [column, value] for each status column the row fills in. */
  statuses: [string, string][]
}

export type Prepared =
  | { ok: true; fields: LeadFields; custom: Record<string, string>; crm: CrmCells }
  | { ok: false; reason: string; group: string; identifier?: string }

export const LABELS: Record<string, string> = {
  ...Object.fromEntries(LEAD_FIELDS.map((f) => [f.key, f.label])),
  owner: 'Owner',
}

/** One record turned into lead fields and custom attributes, validated; or the plain reason it fails. */
export function prepareRow(values: string[], headers: string[], mapping: Mapping): Prepared {
  return rowPreparer(headers, mapping)(values)
}

const isCrm = (target: string): target is Exclude<CrmTarget, 'status'> =>
  (CRM_TARGETS as readonly string[]).includes(target)

/** `prepareRow` for every record of one file: what each column maps to is looked up once. */
export function rowPreparer(headers: string[], mapping: Mapping): (values: string[]) => Prepared {
  const targets = headers.map((header) => mapping[header] ?? 'ignore')
  return (values) => {
    if (
      values.length !== headers.length &&
      values.slice(headers.length).some((v) => v.trim() !== '')
    ) {
      return {
        ok: false,
        group: 'Wrong number of values',
        reason: `The row has ${values.length} values but the header has ${headers.length} columns; check for a missing quote or an extra comma`,
      }
    }
    if (values.length < headers.length) {
      return {
        ok: false,
        group: 'Wrong number of values',
        reason: `The row has ${values.length} values but the header has ${headers.length} columns`,
      }
    }
    const input: Record<string, string> = {}
    const custom: Record<string, string> = {}
    const crm: CrmCells = { statuses: [] }
    let notText: string | undefined
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]
      const value = values[i] ?? ''
      if (target === 'ignore' || target === undefined || blank(value)) continue
      if (value.includes('\uFFFD')) notText = headers[i]
      else if (target === 'custom') custom[headers[i] as string] = value.trim()
      else if (target === 'status') crm.statuses.push([headers[i] as string, value.trim()])
      else if (isCrm(target)) crm[target] ??= value.trim()
      else input[target] ??= value
    }
    if (notText !== undefined) {
      return {
        ok: false,
        group: 'Not UTF-8 text',
        reason: `Column “${notText}” holds bytes that are not UTF-8 text`,
      }
    }
    const parsed = LeadFieldsSchema.safeParse(input)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const field = String(first?.path[0] ?? '')
      const reasons = parsed.error.issues.map((i) => i.message)
      return {
        ok: false,
        group:
          field === 'externalId' && !input.externalId
            ? 'No external id or e-mail'
            : `Invalid ${LABELS[field] ?? field}`,
        reason: reasons.join('; '),
        identifier: input.externalId ?? input.email,
      }
    }
    return { ok: true, fields: parsed.data, custom, crm }
  }
}
