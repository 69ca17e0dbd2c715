import { type BulkOutcome, runEach } from '~/domain/bulk/bulk'
import { casesOf, noCase } from '~/domain/cases/bulk-concede.server'
import type { OutcomeInput } from '~/domain/cases/schema'
import type { Role } from '~/domain/people/roles'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { hasOutcomeOn, recordOutcome } from './outcomes.server'

type Viewer = { id: number; roles: readonly Role[] }
type Input = Omit<OutcomeInput, 'intent'>

/** `recordOutcome`, unless the lead already has this outcome on this day (in one transaction). */
function recordOnce(db: Queryable, actorId: number, leadId: number, input: Input, now: Date) {
  return db.transaction(
    (tx) => {
      if (hasOutcomeOn(tx, leadId, input))
        return refuse('This outcome is already recorded on its lead for that day')
      return recordOutcome(tx, actorId, leadId, input, now)
    },
    { behavior: 'immediate' },
  )
}

/**
 * Records the outcome on each case's lead (a lead named by two of the cases once): what was
 * done, and what was refused and why.
 */
export function bulkRecordOutcome(
  db: Queryable,
  viewer: Viewer,
  caseIds: readonly number[],
  input: Input,
  now: Date,
): Result<BulkOutcome> {
  const found = casesOf(db, viewer, caseIds)
  const leadsDone = new Set<number>()
  return runEach(caseIds, found.name, (id) => {
    const leadId = found.leadOf(id)
    if (leadId === null) return noCase(id)
    if (leadsDone.has(leadId)) return refuse('Its lead is another chosen case’s; recorded once')
    leadsDone.add(leadId)
    return recordOnce(db, viewer.id, leadId, input, now)
  })
}
