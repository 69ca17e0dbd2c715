// The rep rejects a lead that waits for them, for a reason from the catalog: a case opens.
import { openCase } from '~/domain/cases/open-case.server'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { type Actor, isWaiting, NOT_YOURS, notWaiting, ownLead } from './own-lead.server'
import { rejectionReason } from './rejectable-reasons.server'
import type { RejectInput } from './schema'

/**
 * The rep rejects a new or returned lead with a reason from the catalog, notes (required by
 * some reasons, such as "Other") and the number of contact attempts made. A case opens at once.
 * A returned lead cannot be rejected again for the reason already ruled on (`rejectionReason`).
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
      const chosen = rejectionReason(tx, lead, input.reasonId)
      if (!chosen.ok) return chosen
      const { reason } = chosen
      const notes = input.notes?.trim() || null
      if (reason.notesRequired && !notes)
        return refuse(`Explain in the notes why: “${reason.label}” needs them`, 'notes')
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
