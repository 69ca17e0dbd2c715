// The choices of the filter forms that lists and reports share: reps, reasons, sources,
// campaigns (as [value, label] pairs for the selects).

import { sql } from 'drizzle-orm'
import { listReasons } from '~/domain/reasons/reasons.server'
import type { Queryable } from '~db/connection'
import { activeReps } from './owners.server'

export function filterOptions(db: Queryable, options: { reps: boolean }) {
  return {
    reps: options.reps ? activeReps(db).map((r) => [String(r.id), r.name] as const) : [],
    reasons: listReasons(db).map((r) => [String(r.id), r.label] as const),
    ...leadFilterOptions(db),
  }
}

/**
 * The distinct values of a column by a loose index scan: one seek in the (column, …) index per
 * value, so 200 campaigns cost 200 seeks however many leads there are, where a DISTINCT reads
 * every lead (150 ms at a million). The plan test reads it too.
 */
export const distinctValuesSql = (column: 'source' | 'campaign') => `WITH RECURSIVE v(value) AS (
  SELECT min(${column}) FROM leads
  UNION ALL
  SELECT (SELECT min(${column}) FROM leads WHERE ${column} > v.value) FROM v WHERE v.value IS NOT NULL
) SELECT value FROM v WHERE value IS NOT NULL`

export function leadFilterOptions(db: Queryable) {
  const distinct = (column: 'source' | 'campaign') =>
    db.all<{ value: string }>(sql.raw(distinctValuesSql(column))).map((r) => r.value)
  return { sources: distinct('source'), campaigns: distinct('campaign') }
}
