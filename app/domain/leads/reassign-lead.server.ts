// A marketer or an admin hands a lead that is with Sales to another rep (decision 43): the lead
// waiting (new or returned) keeps its follow-up clock, which the new rep now holds; a lead being
// worked goes on being worked by the new rep. The new rep hears of it through the outbox.
import { and, eq, isNull } from 'drizzle-orm'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { followUps, leads } from '~db/schema'
import { activeReps } from './owners.server'

/** The statuses of a lead that is with Sales: waiting for its rep, or being worked. */
const WITH_SALES = ['new', 'returned', 'working'] as const

/** Why `toRepId` cannot take leads, or null when they are an active rep. */
export function notARep(db: Queryable, toRepId: number): string | null {
  return activeReps(db).some((r) => r.id === toRepId) ? null : 'Choose an active rep'
}

/**
 * Reassigns the lead to `toRepId` in one immediate transaction: its owner and its running
 * follow-up clock (same due time) move to the new rep; the audit entry `lead.reassigned`; the
 * event `lead.reassigned`, from which the new rep is told. Refused for a lead not with Sales, a
 * lead the rep already holds (a double submit changes nothing), or someone who is not an
 * active rep.
 */
export function reassignLead(
  db: Queryable,
  actorId: number,
  leadId: number,
  toRepId: number,
  now: Date,
): Result<{ previousRepId: number | null }> {
  return db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
      if (!lead) return refuse(`There is no lead ${leadId}`)
      const notRep = notARep(tx, toRepId)
      if (notRep) return refuse(notRep, 'repId')
      if (!(WITH_SALES as readonly string[]).includes(lead.status))
        return refuse(
          `It is ${LEAD_STATUS_LABELS[lead.status].toLowerCase()}; only leads with Sales (new, returned or being worked) can be reassigned`,
        )
      if (lead.ownerId === toRepId) return refuse('It is already with that rep')
      tx.update(leads).set({ ownerId: toRepId, updatedAt: now }).where(eq(leads.id, leadId)).run()
      tx.update(followUps)
        .set({ repId: toRepId })
        .where(and(eq(followUps.leadId, leadId), isNull(followUps.actedAt)))
        .run()
      recordAudit(
        tx,
        {
          actorId,
          action: 'lead.reassigned',
          subjectType: 'lead',
          subjectId: leadId,
          before: { ownerId: lead.ownerId },
          after: { ownerId: toRepId },
        },
        now,
      )
      appendEvent(
        tx,
        'lead.reassigned',
        { leadId, repId: toRepId, previousRepId: lead.ownerId, by: actorId },
        now,
      )
      return { ok: true as const, previousRepId: lead.ownerId }
    },
    { behavior: 'immediate' },
  )
}
