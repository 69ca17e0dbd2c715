// The source and campaign values of an import matched against those the leads already hold
// (decision 45): "Paid Search" is "Paid search", "Referrals" is probably "Referral", "Linkedln"
// probably "LinkedIn". Pure: the preview proposes, marketing chooses, the import applies.
import { distance } from 'fastest-levenshtein'

export const VALUE_FIELDS = ['source', 'campaign'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]

export const VALUE_FIELD_LABELS: Record<ValueField, string> = {
  source: 'Source',
  campaign: 'Campaign',
}

/** A value as compared: trimmed, inner whitespace collapsed, without case. */
export const foldValue = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase()

/** A folded value's singular, by the English plural endings marketing's values use. */
function singular(folded: string): string {
  if (/(ss|us|is)$/.test(folded)) return folded
  if (/(ches|shes|sses|xes|zes)$/.test(folded)) return folded.slice(0, -2)
  if (/ies$/.test(folded) && folded.length > 4) return `${folded.slice(0, -3)}y`
  return folded.endsWith('s') ? folded.slice(0, -1) : folded
}

const digits = (text: string) => text.replace(/\D/g, '')

/**
 * How far apart two spellings may be and still be proposed as one: a single slip (a letter
 * typed wrong, missing or added) in a value of at least 6 characters, two in one of at least 10.
 * Shorter values are too easily other words ("Email" and "Gmail", "Ads" and "API").
 */
export function spellingAllowance(length: number): number {
  if (length >= 10) return 2
  if (length >= 6) return 1
  return 0
}

export type ValueMatch =
  /** The same value but for case and spaces: used without asking. */
  | { kind: 'same'; to: string }
  /** Probably the same value: proposed, marketing decides. */
  | { kind: 'near'; to: string; why: 'plural' | 'spelling' }
  | { kind: 'new' }

/**
 * What an imported value matches among `existing`: equal without case and spaces → the same
 * value; equal but for a plural ending → proposed; within `spellingAllowance` edits, starting
 * with the same letter and holding the same digits ("Webinar 2025" is not "Webinar 2024") →
 * proposed, the closest first; else new.
 */
export function matchValue(value: string, existing: readonly string[]): ValueMatch {
  const folded = foldValue(value)
  if (folded === '') return { kind: 'new' }
  const same = existing.find((e) => foldValue(e) === folded)
  if (same !== undefined) return { kind: 'same', to: same }
  const one = singular(folded)
  const plural = existing.find((e) => singular(foldValue(e)) === one)
  if (plural !== undefined) return { kind: 'near', to: plural, why: 'plural' }
  let best: { to: string; d: number } | null = null
  for (const candidate of existing) {
    const other = foldValue(candidate)
    if (other[0] !== folded[0] || digits(other) !== digits(folded)) continue
    const allowed = spellingAllowance(Math.min(other.length, folded.length))
    if (allowed === 0 || Math.abs(other.length - folded.length) > allowed) continue
    const d = distance(other, folded)
    if (d <= allowed && (best === null || d < best.d)) best = { to: candidate, d }
  }
  return best ? { kind: 'near', to: best.to, why: 'spelling' } : { kind: 'new' }
}

/**
 * What the import stores for each value of a field, by its folded spelling: the existing value
 * it was matched or mapped to, or the file's first spelling of a value kept as new (so "paid
 * social" and "Paid Social" in one file become one value too).
 */
export type ValueTable = Partial<Record<ValueField, Record<string, string>>>

/** What a value of `field` becomes under `table`: its entry, else the existing value (or the
 * value met earlier) it equals without case and spaces, else itself, trimmed. */
export function valueResolver(table: ValueTable, existing: Record<ValueField, readonly string[]>) {
  const byFold = Object.fromEntries(
    VALUE_FIELDS.map((f) => [f, new Map(existing[f].map((e) => [foldValue(e), e]))]),
  ) as Record<ValueField, Map<string, string>>
  const known = Object.fromEntries(
    VALUE_FIELDS.map((f) => [f, new Map<string, string>()]),
  ) as Record<ValueField, Map<string, string>>
  return (field: ValueField, value: string): string => {
    const cache = known[field]
    let resolved = cache.get(value)
    if (resolved === undefined) {
      const folded = foldValue(value)
      const chosen = table[field]
      const found =
        (chosen && Object.hasOwn(chosen, folded) ? chosen[folded] : undefined) ??
        byFold[field].get(folded)
      resolved = found ?? value.trim()
      // A new value's first spelling is the one its other spellings in the file become.
      if (found === undefined && byFold[field].size < 100_000) byFold[field].set(folded, resolved)
      if (cache.size < 10_000) cache.set(value, resolved)
    }
    return resolved
  }
}

/** `chosen` over `before`, field by field (own properties: a value may be called "__proto__"). */
export function mergeValueTables(before: ValueTable, chosen: ValueTable): ValueTable {
  const merged: ValueTable = {}
  for (const field of VALUE_FIELDS) {
    const entries = [...Object.entries(before[field] ?? {}), ...Object.entries(chosen[field] ?? {})]
    if (entries.length) merged[field] = Object.fromEntries(entries)
  }
  return merged
}

/** Distinct values of a field the preview lists (and matches against the existing ones). */
export const MAX_PREVIEW_VALUES = 200

/** One value of a field as the file spells it (the first spelling, and up to five others). */
export type PreviewValue = {
  key: string
  value: string
  others: string[]
  count: number
  match: ValueMatch
  /** What it is stored as: the existing value chosen or proposed, or itself. */
  choice: string
}

export type PreviewValues = { field: ValueField; values: PreviewValue[]; more: number }[]

/**
 * The preview's account of a file's source and campaign values: `see` each row's value, get
 * what it is stored as (the choice made before, else the match proposed, else the value kept
 * as new), and `result` lists them, new and proposed first.
 */
export function valueScan(existing: Record<ValueField, readonly string[]>, chosen: ValueTable) {
  const groups = Object.fromEntries(
    VALUE_FIELDS.map((f) => [f, new Map<string, PreviewValue>()]),
  ) as Record<ValueField, Map<string, PreviewValue>>
  const more = Object.fromEntries(VALUE_FIELDS.map((f) => [f, new Set<string>()])) as Record<
    ValueField,
    Set<string>
  >
  const beyond = valueResolver(chosen, existing)
  return {
    see(field: ValueField, value: string): string {
      const key = foldValue(value)
      const text = value.trim()
      const group = groups[field].get(key)
      if (!group) {
        if (groups[field].size >= MAX_PREVIEW_VALUES) {
          if (more[field].size < 100_000) more[field].add(key)
          return beyond(field, value)
        }
        const match = matchValue(text, existing[field])
        const picked = chosen[field]
        const choice =
          (picked && Object.hasOwn(picked, key) ? picked[key] : undefined) ??
          (match.kind === 'new' ? text : match.to)
        groups[field].set(key, { key, value: text, others: [], count: 1, match, choice })
        return choice
      }
      group.count++
      if (text !== group.value && group.others.length < 5 && !group.others.includes(text))
        group.others.push(text)
      return group.choice
    },
    result(): PreviewValues {
      const order = { near: 0, new: 1, same: 2 } as const
      return VALUE_FIELDS.map((field) => ({
        field,
        values: [...groups[field].values()].sort(
          (a, b) => order[a.match.kind] - order[b.match.kind] || b.count - a.count,
        ),
        more: more[field].size,
      }))
    },
  }
}

/** The values a preview listed as the import will store them (remembered with the options). */
export function tableOf(values: PreviewValues): ValueTable {
  return Object.fromEntries(
    values.map(({ field, values: list }) => [
      field,
      Object.fromEntries(list.map((v) => [v.key, v.choice])),
    ]),
  )
}

/** A row's fields with its source and campaign as the import stores them. */
export function withValues<T extends { source?: string; campaign?: string }>(
  fields: T,
  resolve: (field: ValueField, value: string) => string,
): T {
  if (fields.source === undefined && fields.campaign === undefined) return fields
  const next = { ...fields }
  if (fields.source !== undefined) next.source = resolve('source', fields.source)
  if (fields.campaign !== undefined) next.campaign = resolve('campaign', fields.campaign)
  return next
}
