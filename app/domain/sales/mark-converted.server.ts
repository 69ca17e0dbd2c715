// The rep marks a working lead converted: it became an opportunity (decision 26).
import { eq } from 'drizzle-orm'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { type Result, refuse } from '~/domain/result'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { localDate } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { cases, leads } from '~db/schema'
import { type Actor, NOT_YOURS, ownLead } from './own-lead.server'
import type { MarkConvertedInput } from './schema'

/** The note of the outcome a conversion records on a lead with earlier cases. */
export const CONVERTED_NOTE = 'Converted to an opportunity'

/**
 * The rep marks one of their working leads converted, with the opportunity's reference and
 * whole amount where they give them: status `converted`, `converted_at` now (the end of the
 * sales side's clock). A lead with earlier cases also gets the outcome "in buying process" in
 * the same transaction, so the hindsight of its earlier rejection counts it as a real buyer.
 */
export function markConverted(
  db: Queryable,
  actor: Actor,
  leadId: number,
  input: Omit<MarkConvertedInput, 'intent'>,
  now: Date,
): Result<{ outcomeId: number | null }> {
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (lead.status !== 'working')
        return refuse(
          `This lead is ${LEAD_STATUS_LABELS[lead.status].toLowerCase()}; only a working lead can be marked converted`,
        )
      const opportunityRef = input.opportunityRef?.trim() || null
      const opportunityAmount = input.opportunityAmount ?? null
      tx.update(leads)
        .set({
          status: 'converted',
          convertedAt: now,
          opportunityRef,
          opportunityAmount,
          updatedAt: now,
        })
        .where(eq(leads.id, lead.id))
        .run()
      recordAudit(
        tx,
        {
          actorId: actor.id,
          action: 'lead.converted',
          subjectType: 'lead',
          subjectId: lead.id,
          before: { status: lead.status },
          after: { status: 'converted', opportunityRef, opportunityAmount },
        },
        now,
      )
      appendEvent(
        tx,
        'lead.converted',
        { leadId: lead.id, repId: actor.id, opportunityRef, opportunityAmount },
        now,
      )
      const hadCase = tx.select({ id: cases.id }).from(cases).where(eq(cases.leadId, lead.id)).get()
      if (!hadCase) return { ok: true as const, outcomeId: null }
      const { timeZone } = getOrganisationSettings(tx)
      const outcome = recordOutcome(
        tx,
        actor.id,
        lead.id,
        {
          outcome: 'in_buying_process',
          occurredOn: localDate(now, timeZone),
          note: opportunityRef ? `${CONVERTED_NOTE} (${opportunityRef})` : CONVERTED_NOTE,
        },
        now,
      )
      // The lead has a case and today is after its hand-over, so the outcome is never refused.
      if (!outcome.ok) throw new Error(`Lead ${lead.id}: the conversion's outcome was refused`)
      return { ok: true as const, outcomeId: outcome.outcomeId }
    },
    { behavior: 'immediate' },
  )
}
