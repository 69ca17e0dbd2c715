// What the rep's use cases check first: the lead is theirs, and it waits for them (new or
// returned).
import { eq } from 'drizzle-orm'
import type { Lead } from '~/domain/leads/lead.server'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'

export type Actor = { id: number }

const WAITING = ['new', 'returned'] as const
/** Whether the lead waits for its rep to accept or reject it (new or returned). */
export const isWaiting = (lead: Pick<Lead, 'status'>) =>
  (WAITING as readonly string[]).includes(lead.status)

/** The lead if the actor is its rep; a refusal otherwise (routes answer 404 before this). */
export function ownLead(db: Queryable, actor: Actor, leadId: number): Lead | null {
  const lead = db.select().from(leads).where(eq(leads.id, leadId)).get()
  return lead && lead.ownerId === actor.id ? lead : null
}

export const NOT_YOURS = 'This lead is not assigned to you'

export function notWaiting(lead: Lead, what: string) {
  return refuse(
    `This lead is ${LEAD_STATUS_LABELS[lead.status].toLowerCase()}; only new or returned leads can be ${what}`,
  )
}
