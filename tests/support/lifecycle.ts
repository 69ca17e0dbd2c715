// Small factories for the lead lifecycle of issue 16 as the reports see it: a rejection after
// contact, a re-engaged hand-over (and a case opened on it), a lead marked converted.
//
// The use cases that write these rows (Mark converted and Reject lead on a working lead, helper
// A; Hand back to Sales, helper B) are built on other branches, so these factories write the
// columns those use cases set (cases.after_contact, cases.reengaged, leads.reengaged and
// reengaged_at, follow_ups.reengaged, leads.status 'converted' and converted_at) directly
// through drizzle, around the domain functions that exist here (openCase opens the case, with
// its snapshot, review clock and link to the earlier case). Once those use cases are merged,
// these factories can call them instead.
import { eq } from 'drizzle-orm'
import { openCase } from '~/domain/cases/open-case.server'
import { getDb } from '~/platform/db.server'
import { cases, followUps, leads } from '~db/schema'

/** A working lead rejected by its rep after contact (attempts logged): a case opens. */
export function rejectAfterContact(
  leadId: number,
  reason: { id: number; label: string },
  filedBy: number,
  now: Date,
): { caseId: number; reviewDueAt: Date } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
      if (lead?.status !== 'working') throw new Error(`Lead ${leadId} is not being worked`)
      const caseId = openCase(
        tx,
        lead,
        { kind: 'rejected', filedBy, reason, notes: reason.label, attempts: 2 },
        now,
      )
      const opened = tx
        .update(cases)
        .set({ afterContact: true })
        .where(eq(cases.id, caseId))
        .returning({ reviewDueAt: cases.reviewDueAt })
        .get()
      return { caseId, reviewDueAt: opened.reviewDueAt }
    },
    { behavior: 'immediate' },
  )
}

/**
 * A lead in nurture handed back to Sales (a re-engaged hand-over) to `repId`: status `new`, a
 * fresh follow-up clock marked re-engaged, `handed_over_at` left as the first hand-over.
 */
export function handBack(leadId: number, repId: number, now: Date, dueAt: Date) {
  const db = getDb()
  db.transaction(
    (tx) => {
      tx.update(leads)
        .set({
          status: 'new',
          ownerId: repId,
          reengaged: true,
          reengagedAt: now,
          clockStartedAt: now,
          followUpDueAt: dueAt,
          updatedAt: now,
        })
        .where(eq(leads.id, leadId))
        .run()
      tx.insert(followUps)
        .values({ leadId, repId, kind: 'hand_over', startedAt: now, dueAt, reengaged: true })
        .run()
    },
    { behavior: 'immediate' },
  )
}

/** A case opened while its lead's hand-over is re-engaged is a re-engaged case. */
export function markCaseReengaged(caseId: number) {
  return getDb()
    .update(cases)
    .set({ reengaged: true })
    .where(eq(cases.id, caseId))
    .returning({ reviewDueAt: cases.reviewDueAt })
    .get()
}

/** A working lead marked converted by its rep at `now`. */
export function markConverted(leadId: number, now: Date) {
  getDb()
    .update(leads)
    .set({ status: 'converted', convertedAt: now, opportunityRef: `OPP-${leadId}`, updatedAt: now })
    .where(eq(leads.id, leadId))
    .run()
}
