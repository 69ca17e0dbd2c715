// The rep rejects a lead that waits for them, for a reason from the catalog: a case opens.
import { and, eq } from 'drizzle-orm'
import { openCase } from '~/domain/cases/open-case.server'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { cases, reasons } from '~db/schema'
import { type Actor, isWaiting, NOT_YOURS, notWaiting, ownLead } from './own-lead.server'
import type { RejectInput } from './schema'

/** Reasons the committee already ruled against on this lead (rejections it found "meets"). */
export function ruledReasonIds(db: Queryable, leadId: number): number[] {
  return db
    .select({ reasonId: cases.reasonId })
    .from(cases)
    .where(and(eq(cases.leadId, leadId), eq(cases.kind, 'rejected'), eq(cases.verdict, 'meets')))
    .all()
    .map((c) => c.reasonId as number)
}

/**
 * The rep rejects a new or returned lead with a reason from the catalog, notes (required by
 * some reasons, such as "Other") and the number of contact attempts made. A case opens at once.
 * A returned lead cannot be rejected again for the reason already ruled on.
 */
export function rejectLead(
  db: Queryable,
  actor: Actor,
  leadId: number,
  input: Omit<RejectInput, 'intent'>,
  now: Date,
): Result<{ caseId: number }> {
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (!isWaiting(lead)) return notWaiting(lead, 'rejected')
      const reason = tx.select().from(reasons).where(eq(reasons.id, input.reasonId)).get()
      if (!reason) return refuse('Choose a reason from the list', 'reasonId')
      if (!reason.active)
        return refuse(`“${reason.label}” is no longer in use; choose another reason`, 'reasonId')
      const notes = input.notes?.trim() || null
      if (reason.notesRequired && !notes)
        return refuse(`Explain in the notes why: “${reason.label}” needs them`, 'notes')
      if (lead.status === 'returned') {
        if (ruledReasonIds(tx, lead.id).includes(reason.id))
          return refuse(
            `The committee already ruled on “${reason.label}” for this lead; reject it only for another reason`,
            'reasonId',
          )
      }
      const caseId = openCase(
        tx,
        lead,
        {
          kind: 'rejected',
          filedBy: actor.id,
          reason: { id: reason.id, label: reason.label },
          notes,
          attempts: input.contactAttempts,
        },
        now,
      )
      return { ok: true as const, caseId }
    },
    { behavior: 'immediate' },
  )
}
