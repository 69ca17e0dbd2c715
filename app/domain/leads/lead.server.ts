// What a lead is and how lists name it; one lead as a viewer may open it.
import { eq } from 'drizzle-orm'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import type { Queryable } from '~db/connection'
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
export function getLeadForViewer(db: Queryable, viewer: Viewer, leadId: number) {
  const lead = db.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead || (!seesAllLeads(viewer) && lead.ownerId !== viewer.id)) return null
  return lead
}
