// The one way a case closes, whichever way it closes (marketing concedes, the committee
// decides; later, a withdrawal), with its consequences: the verdict on the case, the lead's
// disposition or its return to Sales, the audit entries and the events (from which the
// notifications consumer tells the people concerned).
import { eq } from 'drizzle-orm'
import { enterNurture } from '~/domain/nurture/enter-nurture.server'
import { returnLeadToSales } from '~/domain/sales/return-lead.server'
import { type AuditEntry, recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { Disposition, Evaluation, Verdict } from '~db/enums'
import { cases, leads } from '~db/schema'
import { type Case, reviewTime } from './case.server'

/** How a case closes, and what that way of closing records. */
export type Closing =
  /** The disposition is null only on a case whose lead had moved on (`movedOnClosing`). */
  | { how: 'conceded'; by: number; disposition: Disposition | null }
  | {
      how: 'decided'
      verdict: Verdict
      unanimous: boolean
      byChair: boolean
      rationale: string
      /** For "does not meet": what becomes of the lead. */
      disposition: Disposition | null
      /** For "meets": the rep the lead goes back to. */
      returnTo: number | null
      record: {
        completedEvaluation: Evaluation
        agreesWithDefinition: boolean
        departures: string[]
      }
    }

/** The columns a closing writes on the case row (pure: seed:large writes the same). */
export function closedCaseFields(closing: Closing, now: Date, reviewWorkingMs: number) {
  if (closing.how === 'conceded')
    return {
      status: 'conceded' as const,
      response: 'conceded' as const,
      respondedBy: closing.by,
      respondedAt: now,
      verdict: 'does_not_meet' as const,
      disposition: closing.disposition,
      rationale: 'Conceded by marketing',
      decidedAt: now,
      reviewWorkingMs,
    }
  return {
    status: 'decided' as const,
    verdict: closing.verdict,
    disposition: closing.disposition,
    rationale: closing.rationale,
    decidedAt: now,
    unanimous: closing.unanimous,
    decidedByChair: closing.byChair,
    ...closing.record,
    returnedTo: closing.returnTo,
    reviewWorkingMs,
  }
}

/** The case's audit entry for its closing: `case.conceded` by the marketer, or `case.decided`. */
export function caseClosedAudit(caseId: number, closing: Closing): AuditEntry {
  const entry = { subjectType: 'case', subjectId: caseId, before: { status: 'in_review' } }
  if (closing.how === 'conceded')
    return {
      ...entry,
      actorId: closing.by,
      action: 'case.conceded',
      after: { status: 'conceded', disposition: closing.disposition },
    }
  const { agreesWithDefinition, departures } = closing.record
  return {
    ...entry,
    actorId: null,
    action: 'case.decided',
    after: {
      verdict: closing.verdict,
      disposition: closing.disposition,
      unanimous: closing.unanimous,
      byChair: closing.byChair,
      agreesWithDefinition,
      departures,
    },
  }
}

/** The lead's audit entry when a closing disposes of it (the marketer's, or the committee's). */
export function leadDisposedAudit(
  c: { id: number; leadId: number },
  closing: Closing,
  statusBefore: string | undefined,
): AuditEntry {
  return {
    actorId: closing.how === 'conceded' ? closing.by : null,
    action: 'lead.disposed',
    subjectType: 'lead',
    subjectId: c.leadId,
    before: { status: statusBefore },
    after: { status: closing.disposition, caseId: c.id },
  }
}

/**
 * The closing of a case whose lead went on to the next rep when it opened (escalation, decision
 * 26): the verdict and what it says of the definition are recorded, but nothing is done to the
 * lead, so no disposition and no rep to return it to.
 */
export function movedOnClosing(closing: Closing): Closing {
  return closing.how === 'conceded'
    ? { ...closing, disposition: null }
    : { ...closing, disposition: null, returnTo: null }
}

/**
 * Closes an open case inside the caller's (immediate) transaction: writes the verdict, then
 * either returns the lead to Sales (a "meets" verdict) or disposes of it, with the audit
 * entries and events of both. A case whose lead moved on (`lead_moved_on`) leaves the lead
 * where it is, with its new rep.
 */
export function closeCase(tx: Queryable, c: Case, asClosed: Closing, now: Date): void {
  const closing = c.leadMovedOn ? movedOnClosing(asClosed) : asClosed
  tx.update(cases)
    .set(closedCaseFields(closing, now, reviewTime(tx, c, now)))
    .where(eq(cases.id, c.id))
    .run()
  recordAudit(tx, caseClosedAudit(c.id, closing), now)
  if (closing.how === 'conceded')
    appendEvent(
      tx,
      'case.conceded',
      {
        caseId: c.id,
        leadId: c.leadId,
        repId: c.repId,
        by: closing.by,
        disposition: closing.disposition,
      },
      now,
    )
  else
    appendEvent(
      tx,
      'case.decided',
      {
        caseId: c.id,
        leadId: c.leadId,
        verdict: closing.verdict,
        disposition: closing.disposition,
        repId: c.repId,
        marketerId: c.marketerId,
        returnedTo: closing.returnTo,
      },
      now,
    )
  if (c.leadMovedOn) return
  const returnTo = closing.how === 'decided' ? closing.returnTo : null
  if (returnTo !== null) returnLeadToSales(tx, c.leadId, returnTo, now)
  else disposeOfLead(tx, c, closing, now)
}

/** The lead leaves Sales for good (disqualified) or for marketing to nurture; its clock stops. */
function disposeOfLead(tx: Queryable, c: Case, closing: Closing, now: Date) {
  const disposition = closing.disposition as Disposition
  const lead = tx.select({ status: leads.status }).from(leads).where(eq(leads.id, c.leadId)).get()
  tx.update(leads)
    .set({ status: disposition, followUpDueAt: null, updatedAt: now })
    .where(eq(leads.id, c.leadId))
    .run()
  recordAudit(tx, leadDisposedAudit(c, closing, lead?.status), now)
  appendEvent(tx, 'lead.disposed', { leadId: c.leadId, caseId: c.id, disposition }, now)
  if (disposition === 'nurture') enterNurture(tx, c.leadId, c.id, now)
}
