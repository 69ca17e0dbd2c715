// Other leads at the same company domain.
import { and, desc, eq, ne } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { leads, users } from '~db/schema'
import type { Lead } from './lead.server'

/** The query for other leads at the same company domain, newest first (read by the plan test too). */
export function sameCompanyQuery(
  db: Queryable,
  lead: { id: number; companyDomain: string },
  limit: number,
) {
  return db
    .select({
      id: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      title: leads.title,
      status: leads.status,
      lifecycleStage: leads.lifecycleStage,
      ownerId: leads.ownerId,
      ownerName: users.name,
      handedOverAt: leads.handedOverAt,
    })
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.companyDomain, lead.companyDomain), ne(leads.id, lead.id)))
    .orderBy(desc(leads.handedOverAt), desc(leads.id))
    .limit(limit)
}

/** Other leads at the same company domain (the "we already work that account" check). */
export function sameCompanyLeads(
  db: Queryable,
  lead: Pick<Lead, 'id' | 'companyDomain'>,
  limit = 20,
) {
  return lead.companyDomain
    ? sameCompanyQuery(db, { id: lead.id, companyDomain: lead.companyDomain }, limit).all()
    : []
}
