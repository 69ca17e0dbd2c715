// Bulk record outcome (decision 43): one outcome, date and note recorded on the leads of the
// cases chosen on the cases list, each by `recordOutcome` in its own short transaction. The same
// outcome on the same day already recorded on a lead is refused, so a double submit adds nothing.
import { and, eq } from 'drizzle-orm'
import { type BulkOutcome, runEach } from '~/domain/bulk/bulk'
import { casesOf, noCase } from '~/domain/cases/bulk-concede.server'
import type { OutcomeInput } from '~/domain/cases/schema'
import type { Role } from '~/domain/people/roles'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { outcomes } from '~db/schema'
import { recordOutcome } from './outcomes.server'

type Viewer = { id: number; roles: readonly Role[] }
type Input = Omit<OutcomeInput, 'intent'>

/** `recordOutcome`, unless the lead already has this outcome on this day (in one transaction). */
function recordOnce(db: Queryable, actorId: number, leadId: number, input: Input, now: Date) {
  return db.transaction(
    (tx) => {
      const same = tx
        .select({ id: outcomes.id })
        .from(outcomes)
        .where(
          and(
            eq(outcomes.leadId, leadId),
            eq(outcomes.outcome, input.outcome),
            eq(outcomes.occurredOn, input.occurredOn),
          ),
        )
        .get()
      if (same) return refuse('This outcome is already recorded on its lead for that day')
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
