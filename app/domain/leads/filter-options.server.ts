// The choices of the filter forms that lists and reports share: reps, reasons, sources,
// campaigns (as [value, label] pairs for the selects).

import { listReasons } from '~/domain/reasons/reasons.server'
import type { Queryable } from '~db/connection'
import { activeReps, leadFilterOptions } from './leads.server'

export function filterOptions(db: Queryable, options: { reps: boolean }) {
  return {
    reps: options.reps ? activeReps(db).map((r) => [String(r.id), r.name] as const) : [],
    reasons: listReasons(db).map((r) => [String(r.id), r.label] as const),
    ...leadFilterOptions(db),
  }
}
