// What the import page's form sends: the mapping, one `column-<index>` field per column, and
// the options of the preview (decision 25): `date-order`, `history`, `cutoff`, and one
// `status-<column>-<value>` field per value the last preview listed.
import { Temporal } from 'temporal-polyfill'
import { type Result, refuse } from '~/domain/result'
import type { CrmPreview } from './crm-preview.server'
import {
  isDateOrder,
  isHistoryMode,
  type OptionsInput,
  type StatusChoice,
  statusChoiceOf,
} from './options'

export function mappingFromForm(formData: FormData, headers: string[]): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, String(formData.get(`column-${i}`) ?? '')]))
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value.trim() : null
}

/** The options the form chose; a field it sends that is not one of its choices is refused. */
export function readOptions(
  formData: FormData,
  shown: CrmPreview | null,
  reasonIds: Set<number>,
  today: string,
): Result<{ options: OptionsInput }> {
  const options: OptionsInput = {}
  const order = text(formData, 'date-order')
  if (order !== null && order !== '') {
    if (!isDateOrder(order)) return refuse('Choose day first or month first', 'date-order')
    options.dateOrder = order
  }
  const history = text(formData, 'history')
  if (history !== null) {
    if (!isHistoryMode(history))
      return refuse('Choose whether to record old leads as history or work them now', 'history')
    options.history = history
  }
  const cutoff = text(formData, 'cutoff')
  if (cutoff !== null && cutoff !== '') {
    let day: Temporal.PlainDate
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(cutoff)) throw new RangeError()
      day = Temporal.PlainDate.from(cutoff, { overflow: 'reject' })
    } catch {
      return refuse(`${cutoff} is not a date in the calendar (YYYY-MM-DD)`, 'cutoff')
    }
    if (Temporal.PlainDate.compare(day, Temporal.PlainDate.from(today)) > 0)
      return refuse('The cut-off cannot be after today', 'cutoff')
    options.cutoff = day.toString()
  }
  const statuses: Record<string, Record<string, StatusChoice>> = {}
  for (const [c, { column, values }] of (shown?.statuses ?? []).entries()) {
    for (const [v, { value }] of values.entries()) {
      const sent = text(formData, `status-${c}-${v}`)
      if (sent === null) continue
      const choice = statusChoiceOf(sent, reasonIds)
      if (choice === null) return refuse(`Choose what “${value}” becomes`, `status-${c}-${v}`)
      statuses[column] = { ...statuses[column], [value]: choice }
    }
  }
  options.statuses = statuses
  return { ok: true, options }
}
