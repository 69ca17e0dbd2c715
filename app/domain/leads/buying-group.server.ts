// The buying group (decision 26): the leads that share a company domain are the people of one
// account. The lead page, the reject form and the case file show the other members with their
// titles, statuses and owners, and how many are being worked; a member's name and link only to
// a viewer who may open that lead (the rule of getLeadForViewer).
import { and, desc, eq, ne, sql } from 'drizzle-orm'
import type { Role } from '~/domain/people/roles'
import { seesAllLeads } from '~/domain/people/roles'
import type { Queryable } from '~db/connection'
import type { LeadStatus } from '~db/enums'
import { leads, users } from '~db/schema'
import { leadName } from './fields'

type Viewer = { id: number; roles: readonly Role[] }

/** The most members a page lists; the counts are the whole group's. */
export const BUYING_GROUP_SHOWN = 50

/** What the group shows of each member (its name only where the viewer may open it). */
const MEMBER_COLUMNS = {
  id: leads.id,
  externalId: leads.externalId,
  email: leads.email,
  firstName: leads.firstName,
  lastName: leads.lastName,
  title: leads.title,
  status: leads.status,
  ownerId: leads.ownerId,
  ownerName: users.name,
}

/** The query for the other members of a lead's group, newest hand-over first (plan-tested). */
export function buyingGroupQuery(
  db: Queryable,
  lead: { id: number; companyDomain: string },
  limit: number,
) {
  return db
    .select(MEMBER_COLUMNS)
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(eq(leads.companyDomain, lead.companyDomain), ne(leads.id, lead.id)))
    .orderBy(desc(leads.handedOverAt), desc(leads.id))
    .limit(limit)
}

/** How many leads share the domain (the lead included), and how many of them are working. */
function groupCounts(db: Queryable, companyDomain: string) {
  const row = db
    .select({
      members: sql<number>`count(*)`,
      working: sql<number>`coalesce(sum(${leads.status} = 'working'), 0)`,
    })
    .from(leads)
    .where(eq(leads.companyDomain, companyDomain))
    .get()
  return { members: row?.members ?? 0, working: row?.working ?? 0 }
}

export type BuyingGroupMember = {
  id: number
  /** Null where the viewer may not open the lead: they see its title, status and owner only. */
  name: string | null
  canOpen: boolean
  title: string | null
  status: LeadStatus
  ownerName: string
}

export type BuyingGroup = {
  domain: string
  /** Every lead at the domain, this one included. */
  members: number
  /** Of them, how many are being worked (status `working`). */
  working: number
  /** The other members, newest first, at most BUYING_GROUP_SHOWN. */
  others: BuyingGroupMember[]
}

/** What a viewer may know of a lead in someone's group: its name only if they may open it. */
export function memberFor(
  viewer: Viewer,
  row: Parameters<typeof leadName>[0] & {
    id: number
    title: string | null
    status: LeadStatus
    ownerId: number
    ownerName: string
  },
): BuyingGroupMember {
  const canOpen = seesAllLeads(viewer) || row.ownerId === viewer.id
  return {
    id: row.id,
    name: canOpen ? leadName(row) : null,
    canOpen,
    title: row.title,
    status: row.status,
    ownerName: row.ownerName,
  }
}

/** The lead's buying group as the viewer may see it; null when the lead has no company domain. */
export function buyingGroup(
  db: Queryable,
  viewer: Viewer,
  lead: { id: number; companyDomain: string | null },
  limit = BUYING_GROUP_SHOWN,
): BuyingGroup | null {
  if (!lead.companyDomain) return null
  const domain = lead.companyDomain
  const rows = buyingGroupQuery(db, { id: lead.id, companyDomain: domain }, limit).all()
  return { domain, ...groupCounts(db, domain), others: rows.map((r) => memberFor(viewer, r)) }
}

/** One lead of the group, as the viewer may see it (the lead a rejection names as worked). */
export function groupMember(db: Queryable, viewer: Viewer, leadId: number) {
  const row = db
    .select(MEMBER_COLUMNS)
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(eq(leads.id, leadId))
    .get()
  return row ? memberFor(viewer, row) : null
}

/** Whether `otherId` is another lead of `lead`'s buying group (same domain, not the lead). */
export function isGroupMember(
  db: Queryable,
  lead: { id: number; companyDomain: string | null },
  otherId: number,
): boolean {
  if (!lead.companyDomain || otherId === lead.id) return false
  const other = db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.id, otherId), eq(leads.companyDomain, lead.companyDomain)))
    .get()
  return !!other
}
