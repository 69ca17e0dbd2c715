// A lead's stay in the Nurture pool (decision 26): the open one, if the lead is in the pool.
import { and, eq, isNull } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { nurtureStays } from '~db/schema'

export type NurtureStay = typeof nurtureStays.$inferSelect

/** The lead's open stay (one at most, by a unique index), or undefined. */
export function openStayOf(db: Queryable, leadId: number): NurtureStay | undefined {
  return db
    .select()
    .from(nurtureStays)
    .where(and(eq(nurtureStays.leadId, leadId), isNull(nurtureStays.endedAt)))
    .get()
}
