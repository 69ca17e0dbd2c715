// A lead's follow-up clock: started at hand-over and at each return, ended by the rep's first
// action (accept, reject) or by the sweep (ignored).
import { and, eq, isNull } from 'drizzle-orm'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import { workingMsBetween } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import type { FollowUpAction } from '~db/enums'
import { followUps } from '~db/schema'

/** Ends the lead's running clock: when and how the rep first acted, and the working time it took. */
export function endFollowUp(tx: Queryable, leadId: number, action: FollowUpAction, now: Date) {
  const open = tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.leadId, leadId), isNull(followUps.actedAt)))
    .get()
  if (!open) return
  const calendar = getWorkingCalendar(tx)
  tx.update(followUps)
    .set({ actedAt: now, action, workingMs: workingMsBetween(open.startedAt, now, calendar) })
    .where(eq(followUps.id, open.id))
    .run()
}
