// Reading many leads' fields for the evaluator, a chunk of ids at a time: only the columns some
// criterion tests (and `custom` only when one tests a custom attribute), each chunk from its own
// statement (so a report thread's clock is checked between chunks: decision 20) and walked with
// iterate(), so no more than a row (and a chunk's few cases) is held.
import { getTableColumns } from 'drizzle-orm'
import { CUSTOM_PREFIX, isLeadFieldKey } from '~/domain/leads/fields'
import type { DB } from '~db/connection'
import { leads } from '~db/schema'
import type { CriterionRule, LeadValues } from './evaluator'

/** Leads per chunk: large enough that the per-statement cost vanishes, small enough to hold. */
export const CHUNK = 5_000

const COLUMNS = getTableColumns(leads)

/**
 * The select list (`l.<column> AS "<field>"`, and `l.custom` when needed) that gives the
 * evaluator every field the criteria test, and how to turn a row into the lead it reads.
 */
export function evaluatedFields(criteria: readonly CriterionRule[]) {
  const fields = new Set<string>()
  let custom = false
  for (const c of criteria) {
    if (c.field.startsWith(CUSTOM_PREFIX)) custom = true
    else if (isLeadFieldKey(c.field)) fields.add(c.field)
  }
  const list = [...fields].map((f) => `l.${COLUMNS[f as keyof typeof COLUMNS].name} AS "${f}"`)
  if (custom) list.push('l.custom AS custom')
  const names = [...fields, ...(custom ? ['custom'] : [])]
  const reused: LeadValues = {}
  return {
    select: list.length > 0 ? list.join(', ') : 'NULL AS "none"',
    lead: (row: Record<string, unknown>): LeadValues =>
      custom ? { ...row, custom: JSON.parse(String(row.custom ?? '{}')) } : row,
    /**
     * The lead of a raw row (the select list's values in order, after `skip` leading ones),
     * written into one object reused row after row: read it before the next row.
     */
    rawLead(row: unknown[], skip: number): LeadValues {
      names.forEach((name, i) => {
        reused[name] = row[skip + i]
      })
      if (custom) reused.custom = JSON.parse(String(reused.custom ?? '{}'))
      return reused
    },
  }
}

/**
 * The leads' ids in chunks, `{ low, high }` (low < id ≤ high), CHUNK ids each, up to the
 * highest id now: each chunk's statements are prepared anew (a report thread checks its clock
 * then), and a chunk of the ids of the primary key is read in its order, without a sort.
 */
export function* idChunks(db: DB): Generator<{ low: number; high: number }> {
  const last = db.$client.prepare('SELECT max(id) AS id FROM leads').get() as { id: number | null }
  for (let low = 0; low < (last.id ?? 0); low += CHUNK) yield { low, high: low + CHUNK }
}

/** The rows of `source` for each chunk of ids (its @low and @high), walked with iterate(). */
export function* chunkedRows<R>(
  db: DB,
  source: string,
  params: Record<string, unknown>,
): Generator<R> {
  for (const chunk of idChunks(db)) {
    yield* db.$client.prepare(source).iterate({ ...params, ...chunk }) as Iterable<R>
  }
}
