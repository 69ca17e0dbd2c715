// A lead's return to Sales, when the committee rules that it meets the definition.
import { eq } from 'drizzle-orm'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { addWorkingHours } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { followUps, leads } from '~db/schema'

/**
 * A lead comes back to Sales (the committee ruled that it meets the definition): `returned`,
 * with the given rep and a fresh clock of the return SLA. Runs inside the caller's transaction.
 */
export function returnLeadToSales(tx: Queryable, leadId: number, repId: number, now: Date) {
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) throw new Error(`No lead ${leadId}`)
  const calendar = getWorkingCalendar(tx)
  const { returnHours } = getSlaSettings(tx)
  const dueAt = addWorkingHours(now, returnHours, calendar)
  tx.update(leads)
    .set({
      status: 'returned',
      ownerId: repId,
      clockStartedAt: now,
      followUpDueAt: dueAt,
      updatedAt: now,
    })
    .where(eq(leads.id, leadId))
    .run()
  tx.insert(followUps).values({ leadId, repId, kind: 'return', startedAt: now, dueAt }).run()
  recordAudit(
    tx,
    {
      actorId: null,
      action: 'lead.returned',
      subjectType: 'lead',
      subjectId: leadId,
      before: { status: lead.status, ownerId: lead.ownerId },
      after: { status: 'returned', ownerId: repId },
    },
    now,
  )
  appendEvent(tx, 'lead.returned', { leadId, repId, previousRepId: lead.ownerId }, now)
}
