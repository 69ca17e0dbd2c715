// Bulk reassign (decision 43): the leads chosen on the lead list go to one rep, each by
// `reassignLead` in its own short transaction; the ones it refuses are listed with why.
import { inArray } from 'drizzle-orm'
import { type BulkOutcome, runEach } from '~/domain/bulk/bulk'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'
import { leadName } from './fields'
import { LEAD_NAME_COLUMNS } from './lead.server'
import { notARep, reassignLead } from './reassign-lead.server'

/** How a bulk answer names each lead: by its name, or "Lead 12" when there is no such lead. */
export function leadNames(db: Queryable, leadIds: readonly number[]): (id: number) => string {
  const rows = leadIds.length
    ? db
        .select({ id: leads.id, ...LEAD_NAME_COLUMNS })
        .from(leads)
        .where(inArray(leads.id, [...leadIds]))
        .all()
    : []
  const names = new Map(rows.map((r) => [r.id, leadName(r)]))
  return (id) => names.get(id) ?? `Lead ${id}`
}

/**
 * Reassigns each lead to `toRepId` (an active rep, else the whole action is refused naming
 * `repId`): what was done, and what was refused and why.
 */
export function bulkReassign(
  db: Queryable,
  actorId: number,
  leadIds: readonly number[],
  toRepId: number,
  now: Date,
): Result<BulkOutcome> {
  const notRep = notARep(db, toRepId)
  if (notRep) return refuse(notRep, 'repId')
  return runEach(leadIds, leadNames(db, leadIds), (id) =>
    reassignLead(db, actorId, id, toRepId, now),
  )
}
