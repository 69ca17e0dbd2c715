// What the import page's form sends: the mapping, one `column-<index>` field per column, and
// the options of the preview (decision 25): `date-order`, `history` and `cutoff` (this schema),
// and one `status-<column>-<value>` field per value the last preview listed.
import { z } from 'zod'
import { type Result, refuse } from '~/domain/result'
import { calendarDate } from '~/domain/sla/clock'
import type { CrmPreview } from './crm-preview.server'
import { DATE_ORDERS } from './dates'
import {
  HISTORY_MODES,
  type ImportOptions,
  type OptionsInput,
  statusChoiceOf,
  withStatuses,
} from './options'
import { type PreviewValues, VALUE_FIELDS, type ValueField, type ValueTable } from './values'

export function mappingFromForm(formData: FormData, headers: string[]): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, String(formData.get(`column-${i}`) ?? '')]))
}

export const ImportOptionsSchema = z.object({
  'date-order': z
    .enum(['', ...DATE_ORDERS], { error: 'Choose day first or month first' })
    .optional(),
  history: z
    .enum(HISTORY_MODES, {
      error: 'Choose whether to record old leads as history or work them now',
    })
    .optional(),
  cutoff: z
    .string()
    .trim()
    .optional()
    .refine((text) => !text || calendarDate(text), 'Give the cut-off as a date (YYYY-MM-DD)'),
  'hold-back': z
    .enum(['yes', 'no'], {
      error: 'Choose whether rows that do not meet the definition are held back',
    })
    .optional(),
})
export type ImportOptionsFields = z.output<typeof ImportOptionsSchema>

/**
 * The options the form chose, over those of the preview it was sent from (`shown`). A history
 * choice or a cut-off equal to the default shown means the default: it follows the mapping (a
 * file with hand-over times is history by default) and the day the import starts. Each status
 * field names a value the preview listed; a choice that is not one is refused on its field.
 */
export function readOptions(
  fields: ImportOptionsFields,
  statusField: (name: string) => string[],
  shown: CrmPreview | null,
  reasonIds: Set<number>,
  today: string,
): Result<{ options: OptionsInput }> {
  const options: OptionsInput = {}
  const order = fields['date-order']
  if (order) options.dateOrder = order
  if (fields.history) {
    const byDefault = shown ? (shown.handOverMapped ? 'history' : 'work') : null
    options.history = fields.history === byDefault ? null : fields.history
  }
  if (fields.cutoff) {
    if (fields.cutoff > today) return refuse('The cut-off cannot be after today', 'cutoff')
    options.cutoff = fields.cutoff === shown?.cutoffDefault ? null : fields.cutoff
  }
  let statuses: ImportOptions['statuses'] = {}
  for (const [c, { column, values }] of (shown?.statuses ?? []).entries()) {
    for (const [v, { value }] of values.entries()) {
      const name = `status-${c}-${v}`
      const sent = statusField(name)
      if (sent.length === 0) continue
      if (sent.length > 1) return refuse(`Send ${name} only once`, name)
      const choice = statusChoiceOf(sent[0] as string, reasonIds)
      if (choice === null) return refuse(`Choose what “${value}” becomes`, name)
      statuses = withStatuses(statuses, column, { [value]: choice })
    }
  }
  options.statuses = statuses
  if (fields['hold-back']) options.holdBack = fields['hold-back'] === 'yes'
  return { ok: true, options }
}

/** A source or campaign value's field: `value-<field>-<index into the preview's list>`. */
const VALUE_FIELD_NAME = /^value-([a-z]+)-(0|[1-9][0-9]{0,5})$/
/** What a value becomes: kept as it is new, or mapped to an existing value. */
const ValueChoiceSchema = z.union([z.literal('new'), z.string().regex(/^to:.+$/s)])

/**
 * The mapping step's choices for the values the preview listed (`shown`): each field names a
 * listed value and sends `new` or `to:<an existing value of that field>`. A field naming no
 * listed value, sent twice, or naming a value that does not exist is refused on its name.
 */
export function readValueChoices(
  sent: [string, FormDataEntryValue][],
  shown: PreviewValues | null,
  existing: Record<ValueField, readonly string[]>,
): Result<{ values: ValueTable }> {
  const values: ValueTable = {}
  const seen = new Set<string>()
  for (const [name, text] of sent) {
    const match = VALUE_FIELD_NAME.exec(name)
    const field = match?.[1] as ValueField | undefined
    const listed =
      match && field && (VALUE_FIELDS as readonly string[]).includes(field)
        ? shown?.find((f) => f.field === field)?.values[Number(match[2])]
        : undefined
    if (!field || !listed) return refuse('This value is not one the preview listed', name)
    if (seen.has(name)) return refuse(`Send ${name} only once`, name)
    seen.add(name)
    const parsed = ValueChoiceSchema.safeParse(text)
    if (!parsed.success)
      return refuse(`Choose an existing value for “${listed.value}” or keep it as new`, name)
    const target = parsed.data === 'new' ? listed.value : parsed.data.slice('to:'.length)
    if (parsed.data !== 'new' && !existing[field].includes(target))
      return refuse(`“${target}” is not an existing ${field}; choose one that is`, name)
    values[field] = { ...values[field], [listed.key]: target }
  }
  return { ok: true, values }
}
