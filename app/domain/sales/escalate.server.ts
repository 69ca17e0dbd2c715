// Escalation (Settings: what a clock that runs out does to the lead, decision 26): beside the
// ignored case the sweep opens, the lead goes on to the next active rep in turn, as a new lead
// with a fresh follow-up clock.
import { and, eq } from 'drizzle-orm'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import { getOrganisationSettings, getSlaSettings } from '~/domain/settings/settings.server'
import { addWorkingHours } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { followUps, leads } from '~db/schema'

/**
 * The rep a lead whose clock ran out goes on to: the next active rep in turn (the round robin
 * that hands over unowned leads, whose turn it moves on), never the rep who let it run out.
 * Null when no other rep is active: the lead then stays.
 */
export function nextRepAfter(tx: Queryable, fromRepId: number, now: Date): number | null {
  const others = activeReps(tx).filter((r) => r.id !== fromRepId)
  if (others.length === 0) return null
  const turns = roundRobin(tx, others, now)
  const rep = turns.next()
  turns.save()
  return rep
}

/**
 * Hands a lead whose clock ran out to `toRepId`, inside the sweep's transaction, after its
 * ignored case (`caseId`, marked `lead_moved_on`) opened: `new` again with the new rep, a fresh
 * follow-up clock of the follow-up SLA (a `hand_over` clock; the hand-over stays the lead's
 * first, net-new or re-engaged as it was), the audit entry `lead.escalated` and the event from
 * which the new rep hears of it.
 */
export function escalateLead(
  tx: Queryable,
  leadId: number,
  caseId: number,
  toRepId: number,
  now: Date,
) {
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) throw new Error(`No lead ${leadId}`)
  const { timeZone } = getOrganisationSettings(tx)
  const { followUpHours } = getSlaSettings(tx)
  const dueAt = addWorkingHours(now, followUpHours, timeZone)
  tx.update(leads)
    .set({
      status: 'new',
      ownerId: toRepId,
      clockStartedAt: now,
      followUpDueAt: dueAt,
      updatedAt: now,
    })
    .where(eq(leads.id, leadId))
    .run()
  tx.insert(followUps)
    .values({
      leadId,
      repId: toRepId,
      kind: 'hand_over',
      startedAt: now,
      dueAt,
      reengaged: lead.reengaged,
    })
    .run()
  recordAudit(
    tx,
    {
      actorId: null,
      action: 'lead.escalated',
      subjectType: 'lead',
      subjectId: leadId,
      before: { status: lead.status, ownerId: lead.ownerId },
      after: { status: 'new', ownerId: toRepId, caseId, followUpDueAt: dueAt },
    },
    now,
  )
  appendEvent(
    tx,
    'lead.escalated',
    { leadId, caseId, repId: toRepId, previousRepId: lead.ownerId },
    now,
  )
}

/**
 * The rep a lead went on to when its ignored case `c` opened (the clock the escalation started
 * then), or null when the case did not move the lead.
 */
export function escalatedTo(
  db: Queryable,
  c: { leadId: number; openedAt: Date; leadMovedOn: boolean },
): number | null {
  if (!c.leadMovedOn) return null
  const clock = db
    .select({ repId: followUps.repId })
    .from(followUps)
    .where(
      and(
        eq(followUps.leadId, c.leadId),
        eq(followUps.kind, 'hand_over'),
        eq(followUps.startedAt, c.openedAt),
      ),
    )
    .get()
  return clock?.repId ?? null
}
