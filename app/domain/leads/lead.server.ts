// What a lead is and how lists name it; one lead as a viewer may open it.
import { eq, sql } from 'drizzle-orm'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import { preparedQuery, type Queryable } from '~db/connection'
import { leads } from '~db/schema'

export type Lead = typeof leads.$inferSelect

/** The columns a list needs to name a lead (see `leadName`) and show its company. */
export const LEAD_NAME_COLUMNS = {
  externalId: leads.externalId,
  email: leads.email,
  firstName: leads.firstName,
  lastName: leads.lastName,
  company: leads.company,
}
type Viewer = { id: number; roles: readonly Role[] }

/** A lead the viewer may open, or null (a rep asking for another rep's lead gets nothing). */
const byId = (db: Queryable) =>
  db
    .select()
    .from(leads)
    .where(eq(leads.id, sql.placeholder('id')))
    .prepare()

/** The lead with this id (a prepared query: every lead page and action reads it). */
export function leadById(db: Queryable, leadId: number): Lead | undefined {
  return preparedQuery(db, byId).get({ id: leadId })
}

export function getLeadForViewer(db: Queryable, viewer: Viewer, leadId: number) {
  const lead = leadById(db, leadId)
  if (!lead || (!seesAllLeads(viewer) && lead.ownerId !== viewer.id)) return null
  return lead
}
