// Escalation (Settings: what a clock that runs out does to the lead, decision 26): beside the
// ignored case the sweep opens, the lead goes on to the next active rep in turn, as a new lead
// with a fresh follow-up clock.
import { and, eq } from 'drizzle-orm'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
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
 * ignored case (`caseId`, marked `lead_moved_on`) opened: waiting again with the new rep, with
 * a fresh clock of the same kind as the one that ran out (the hand-over stays the lead's first,
 * net-new or re-engaged as it was): a lead handed over is `new` with a follow-up clock; a lead
 * the committee returned stays `returned`, with a return clock, so the reasons already ruled on
 * stay closed to it. The audit entry `lead.escalated` and the event from which the new rep hears
 * of it.
 */
export function escalateLead(
  tx: Queryable,
  leadId: number,
  caseId: number,
  toRepId: number,
  ran: { out: 'hand_over' | 'return'; at: Date },
) {
  const now = ran.at
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) throw new Error(`No lead ${leadId}`)
  const calendar = getWorkingCalendar(tx)
  const { followUpHours, returnHours } = getSlaSettings(tx)
  const status = ran.out === 'return' ? 'returned' : 'new'
  const dueAt = addWorkingHours(now, ran.out === 'return' ? returnHours : followUpHours, calendar)
  tx.update(leads)
    .set({
      status,
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
      kind: ran.out,
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
      after: { status, ownerId: toRepId, caseId, followUpDueAt: dueAt },
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
    .where(and(eq(followUps.leadId, c.leadId), eq(followUps.startedAt, c.openedAt)))
    .get()
  return clock?.repId ?? null
}
