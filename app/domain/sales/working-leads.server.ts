// The rep's working leads (decision 26): accepted and not yet converted or rejected, so the
// home page keeps them in reach of "Log a contact attempt", "Mark converted" and "Reject lead".
import { and, count, desc, eq, sql } from 'drizzle-orm'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import type { Queryable } from '~db/connection'
import { contactAttempts, leads } from '~db/schema'

export const WORKING_SHOWN = 20

/** The query behind the rep's working leads, newest hand-over first (from leads_owner_status_idx). */
export function workingLeadsQuery(db: Queryable, repId: number, limit = WORKING_SHOWN) {
  return db
    .select({
      id: leads.id,
      ...LEAD_NAME_COLUMNS,
      title: leads.title,
      acceptedAt: leads.acceptedAt,
      // The lead's own attempts: `leads.id` written out, since drizzle leaves a column
      // unqualified in the select list of a query with no join, and inside the subquery a bare
      // "id" is the attempt's own id (28 Nov: every row counted wrong, and scanned every attempt).
      attempts: sql<number>`(SELECT count(*) FROM ${contactAttempts} ca WHERE ca.lead_id = "leads"."id")`,
      lastAttemptAt: sql<
        number | null
      >`(SELECT max(ca.at) FROM ${contactAttempts} ca WHERE ca.lead_id = "leads"."id")`,
    })
    .from(leads)
    .where(and(eq(leads.ownerId, repId), eq(leads.status, 'working')))
    .orderBy(desc(leads.handedOverAt), desc(leads.id))
    .limit(limit)
}

/** The rep's working leads (at most WORKING_SHOWN) and how many they have in all. */
export function workingLeads(db: Queryable, repId: number) {
  const total =
    db
      .select({ n: count() })
      .from(leads)
      .where(and(eq(leads.ownerId, repId), eq(leads.status, 'working')))
      .get()?.n ?? 0
  return { total, rows: workingLeadsQuery(db, repId).all() }
}
