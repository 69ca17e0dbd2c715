// A lead enters the Nurture pool when the case on it closes with the disposition `nurture`
// (a verdict, or marketing's concession): a stay opens with the lead as it entered.
import { eq } from 'drizzle-orm'
import { snapshotOf } from '~/domain/leads/snapshot'
import type { Queryable } from '~db/connection'
import { leads, nurtureStays } from '~db/schema'
import { openStayOf } from './stays.server'

/**
 * Opens the lead's stay in the pool, inside the caller's transaction (closeCase's): the case
 * that sent it there, the time, and a snapshot of the lead, from which the pool tells what
 * changed since. A lead already in the pool keeps its stay.
 */
export function enterNurture(tx: Queryable, leadId: number, caseId: number, now: Date): void {
  if (openStayOf(tx, leadId)) return
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) throw new Error(`No lead ${leadId}`)
  tx.insert(nurtureStays)
    .values({ leadId, caseId, startedAt: now, snapshot: snapshotOf(lead) })
    .run()
}
