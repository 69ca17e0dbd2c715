// A case opens on a lead that waits for its rep: rejected by the rep, or ignored past its
// follow-up clock. The lead goes into review with a snapshot of itself.
import { desc, eq } from 'drizzle-orm'
import type { Lead } from '~/domain/leads/lead.server'
import { snapshotOf } from '~/domain/leads/snapshot'
import type { AuditSink } from '~/domain/leads/writer.server'
import { endFollowUp } from '~/domain/sales/follow-up.server'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { hoursPerWorkingDay } from '~/domain/sla/calendar'
import { addWorkingHours } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { cases, leads } from '~db/schema'
import type { Case } from './case.server'

/**
 * When a review starting at `from` is due: the organisation's review SLA in working days, on its
 * clock. Every review clock starts here (a case opened now, an imported case taken up).
 */
export function reviewDueFrom(tx: Queryable, from: Date): Date {
  const calendar = getWorkingCalendar(tx)
  const { reviewDays } = getSlaSettings(tx)
  return addWorkingHours(from, reviewDays * hoursPerWorkingDay(calendar), calendar)
}

/** The lead's latest case, if it has one. */
function latestCaseOf(db: Queryable, leadId: number) {
  return db.select().from(cases).where(eq(cases.leadId, leadId)).orderBy(desc(cases.id)).get()
}

type Opening =
  | {
      kind: 'rejected'
      filedBy: number
      reason: { id: number; label: string }
      notes: string | null
      attempts: number
      /** Rejected after the rep accepted and worked the lead (decision 26). */
      afterContact?: boolean
      /** The lead in the buying group the rep says is being worked. */
      workingLeadId?: number | null
    }
  /** `leadMovedOn`: the sweep hands the lead on to the next rep (escalation, decision 26). */
  | { kind: 'ignored'; leadMovedOn?: boolean }

/**
 * Opens a case on a waiting lead and puts the lead in review, inside the caller's transaction:
 * snapshot, definition version, review clock, a link to the earlier case, and word to the
 * marketer (and, for an ignored lead, to the rep).
 */
export function openCase(tx: Queryable, lead: Lead, opening: Opening, now: Date): number {
  const previous = latestCaseOf(tx, lead.id)
  const rejected = opening.kind === 'rejected' ? opening : null
  const { id } = tx
    .insert(cases)
    .values({
      leadId: lead.id,
      kind: opening.kind,
      reasonId: rejected?.reason.id ?? null,
      reasonLabel: rejected?.reason.label ?? null,
      notes: rejected?.notes ?? null,
      contactAttempts: rejected?.attempts ?? null,
      afterContact: rejected?.afterContact ?? false,
      workingLeadId: rejected?.workingLeadId ?? null,
      filedBy: rejected?.filedBy ?? null,
      repId: lead.ownerId,
      marketerId: lead.marketerId,
      definitionVersionId: lead.definitionVersionId,
      evaluation: lead.evaluation,
      leadSnapshot: snapshotOf(lead),
      previousCaseId: previous?.id ?? null,
      // Opened on a re-engaged hand-over (handed back from nurture): decision 26.
      reengaged: lead.reengaged,
      source: lead.source,
      campaign: lead.campaign,
      openedAt: now,
      reviewDueAt: reviewDueFrom(tx, now),
      leadMovedOn: opening.kind === 'ignored' && opening.leadMovedOn === true,
    })
    .returning({ id: cases.id })
    .get()
  tx.update(leads)
    .set({ status: 'in_review', followUpDueAt: null, updatedAt: now })
    .where(eq(leads.id, lead.id))
    .run()
  endFollowUp(tx, lead.id, opening.kind, now)
  recordAudit(
    tx,
    {
      actorId: rejected?.filedBy ?? null,
      action: opening.kind === 'rejected' ? 'lead.rejected' : 'lead.ignored',
      subjectType: 'lead',
      subjectId: lead.id,
      before: { status: lead.status },
      after: { status: 'in_review', caseId: id },
    },
    now,
  )
  recordAudit(
    tx,
    {
      actorId: rejected?.filedBy ?? null,
      action: 'case.opened',
      subjectType: 'case',
      subjectId: id,
      after: {
        kind: opening.kind,
        leadId: lead.id,
        reason: rejected?.reason.label ?? null,
        notes: rejected?.notes ?? null,
        contactAttempts: rejected?.attempts ?? null,
        ...(rejected?.afterContact ? { afterContact: true } : {}),
        ...(rejected?.workingLeadId ? { workingLeadId: rejected.workingLeadId } : {}),
        definitionVersionId: lead.definitionVersionId,
        previousCaseId: previous?.id ?? null,
      },
    },
    now,
  )
  if (rejected)
    appendEvent(
      tx,
      'lead.rejected',
      { leadId: lead.id, caseId: id, repId: rejected.filedBy, reasonId: rejected.reason.id },
      now,
    )
  announceCase(
    tx,
    { id, leadId: lead.id, kind: opening.kind, repId: lead.ownerId, marketerId: lead.marketerId },
    now,
  )
  return id
}

/**
 * The event that a case is open for review (`case.opened`), from which the notifications
 * consumer tells marketing (and, for an ignored lead, the rep): when a case opens, and when the
 * committee takes up an imported one.
 */
export function announceCase(
  tx: Queryable,
  c: Pick<Case, 'id' | 'leadId' | 'kind' | 'repId' | 'marketerId'>,
  now: Date,
): void {
  appendEvent(
    tx,
    'case.opened',
    { caseId: c.id, leadId: c.leadId, kind: c.kind, repId: c.repId, marketerId: c.marketerId },
    now,
  )
}

/**
 * Records a rejection a CRM made before Leadcourt (decision 25) as a case imported, not
 * reviewed: filed under the lead's rep at the time the CRM gives, counted by the reports as a
 * rejection without a verdict, with no review clock and no word to anyone. The committee may
 * take it up later (take-up.server.ts). The lead was just written with status `rejected` by the
 * same import, whose audit chain `audit` carries.
 */
export function openImportedCase(
  tx: Queryable,
  lead: Lead,
  rejection: { reason: { id: number; label: string }; at: Date; importJobId: number | null },
  audit: AuditSink,
  now: Date,
): number {
  const { id } = tx
    .insert(cases)
    .values({
      leadId: lead.id,
      kind: 'rejected',
      status: 'imported',
      reasonId: rejection.reason.id,
      reasonLabel: rejection.reason.label,
      filedBy: lead.ownerId,
      repId: lead.ownerId,
      marketerId: lead.marketerId,
      definitionVersionId: lead.definitionVersionId,
      evaluation: lead.evaluation,
      leadSnapshot: snapshotOf(lead),
      source: lead.source,
      campaign: lead.campaign,
      openedAt: rejection.at,
      // Not reviewed, so not due: the review clock starts if the committee takes it up.
      reviewDueAt: rejection.at,
    })
    .returning({ id: cases.id })
    .get()
  audit.append(
    {
      actorId: null,
      action: 'case.imported',
      subjectType: 'case',
      subjectId: id,
      after: {
        leadId: lead.id,
        reason: rejection.reason.label,
        rejectedAt: rejection.at,
        importJobId: rejection.importJobId,
        definitionVersionId: lead.definitionVersionId,
      },
    },
    now,
  )
  return id
}
