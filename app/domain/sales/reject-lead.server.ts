// The rep rejects a lead for a reason from the catalog: before contact (it waits for them, new
// or returned) or after contact (they accepted and worked it). A case opens.
import { and, count, desc, eq, gt } from 'drizzle-orm'
import { openCase } from '~/domain/cases/open-case.server'
import { criteriaOf } from '~/domain/definition/versions.server'
import { buyingGroupQuery, isGroupMember } from '~/domain/leads/buying-group.server'
import type { Lead } from '~/domain/leads/lead.server'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import type { Reason } from '~/domain/reasons/reasons.server'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { cases, contactAttempts } from '~db/schema'
import { type Actor, isWaiting, NOT_YOURS, ownLead } from './own-lead.server'
import { noteRequired, noteRequiredMessage, reasonCheck } from './reject-note'
import { rejectionReason } from './rejectable-reasons.server'
import type { RejectInput } from './schema'

/** Whether the rep may reject the lead: it waits for them, or they are working it. */
export const isRejectable = (lead: Pick<Lead, 'status'>) =>
  isWaiting(lead) || lead.status === 'working'

/**
 * The contact attempts logged on the lead since it last came to Sales (since its latest case
 * opened, or ever): a rejection may say more were made, never fewer (decision 26).
 */
export function attemptsThisRound(db: Queryable, leadId: number): number {
  const latest = db
    .select({ openedAt: cases.openedAt })
    .from(cases)
    .where(eq(cases.leadId, leadId))
    .orderBy(desc(cases.id))
    .get()
  const row = db
    .select({ n: count() })
    .from(contactAttempts)
    .where(
      and(
        eq(contactAttempts.leadId, leadId),
        latest ? gt(contactAttempts.createdAt, latest.openedAt) : undefined,
      ),
    )
    .get()
  return row?.n ?? 0
}

/**
 * The lead the rejection names as worked, for a reason that names one ("Already working this
 * account / duplicate"): required when the lead's buying group has other members, and one of
 * them; with none to name, the notes must say which lead or account is being worked.
 */
function workingLead(
  db: Queryable,
  lead: Lead,
  reason: Reason,
  input: { workingLeadId?: number | undefined; notes: string | null },
): Result<{ workingLeadId: number | null }> {
  if (!reason.namesWorkingLead) return { ok: true, workingLeadId: null }
  const domain = lead.companyDomain
  const others = domain ? buyingGroupQuery(db, { id: lead.id, companyDomain: domain }, 1).all() : []
  if (!domain || others.length === 0) {
    if (input.workingLeadId)
      return refuse('This lead has no other lead at its company to name', 'workingLeadId')
    if (!input.notes)
      return refuse(
        `No other lead shares this lead’s company domain: say in the notes which lead or account is being worked`,
        'notes',
      )
    return { ok: true, workingLeadId: null }
  }
  if (!input.workingLeadId)
    return refuse(
      `Choose the lead at ${domain} that is being worked: “${reason.label}” names it`,
      'workingLeadId',
    )
  if (!isGroupMember(db, lead, input.workingLeadId))
    return refuse(
      `Choose one of the other leads at ${domain}: the lead being worked must be in this lead’s buying group`,
      'workingLeadId',
    )
  return { ok: true, workingLeadId: input.workingLeadId }
}

/**
 * The rep rejects a lead with a reason from the catalog, notes (required by some reasons, such
 * as "Other", and by a reason that disputes a criterion the definition finds met) and the number of contact attempts made (never fewer than they logged). A new or
 * returned lead is rejected before contact; a working one after contact. A case opens at once.
 * A lead cannot be rejected again for a reason the committee already ruled on (`rejectionReason`).
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
      if (!isRejectable(lead))
        return refuse(
          `This lead is ${LEAD_STATUS_LABELS[lead.status].toLowerCase()}; only new, returned or working leads can be rejected`,
        )
      const chosen = rejectionReason(tx, lead, input.reasonId)
      if (!chosen.ok) return chosen
      const { reason } = chosen
      const notes = input.notes?.trim() || null
      if (reason.notesRequired && !notes)
        return refuse(`Explain in the notes why: “${reason.label}” needs them`, 'notes')
      // A reason disputing a criterion the definition finds met needs a note (decision 41).
      const check = lead.definitionVersionId
        ? reasonCheck(lead, criteriaOf(tx, lead.definitionVersionId), reason)
        : null
      if (noteRequired(check) && !notes)
        return refuse(noteRequiredMessage(reason.label, check), 'notes')
      const logged = attemptsThisRound(tx, lead.id)
      if (input.contactAttempts < logged)
        return refuse(
          `You logged ${logged} contact attempt${logged === 1 ? '' : 's'} on this lead; enter ${logged} or more`,
          'contactAttempts',
        )
      const named = workingLead(tx, lead, reason, { workingLeadId: input.workingLeadId, notes })
      if (!named.ok) return named
      const caseId = openCase(
        tx,
        lead,
        {
          kind: 'rejected',
          filedBy: actor.id,
          reason: { id: reason.id, label: reason.label },
          notes,
          attempts: input.contactAttempts,
          afterContact: lead.status === 'working',
          workingLeadId: named.workingLeadId,
        },
        now,
      )
      return { ok: true as const, caseId }
    },
    { behavior: 'immediate' },
  )
}
