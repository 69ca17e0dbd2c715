// The rep starts work on a lead that waits for them.
import { eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'
import { endFollowUp } from './follow-up.server'
import { type Actor, isWaiting, NOT_YOURS, notWaiting, ownLead } from './own-lead.server'

/** The rep starts work on a new or returned lead: it becomes `working` and its clock stops. */
export function acceptLead(db: Queryable, actor: Actor, leadId: number, now: Date): Result<object> {
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (!isWaiting(lead)) return notWaiting(lead, 'accepted')
      tx.update(leads)
        .set({ status: 'working', acceptedAt: now, followUpDueAt: null, updatedAt: now })
        .where(eq(leads.id, lead.id))
        .run()
      endFollowUp(tx, lead.id, 'accepted', now)
      recordAudit(
        tx,
        {
          actorId: actor.id,
          action: 'lead.accepted',
          subjectType: 'lead',
          subjectId: lead.id,
          before: { status: lead.status },
          after: { status: 'working' },
        },
        now,
      )
      appendEvent(tx, 'lead.accepted', { leadId: lead.id, repId: actor.id }, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
