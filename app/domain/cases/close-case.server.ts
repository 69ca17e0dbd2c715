// The one way a case closes, whichever way it closes (marketing concedes, the committee
// decides; later, a withdrawal), with its consequences: the verdict on the case, the lead's
// disposition or its return to Sales, the audit entries and the events (from which the
// notifications consumer tells the people concerned).
import { eq } from 'drizzle-orm'
import { returnLeadToSales } from '~/domain/sales/return-lead.server'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { Disposition, Evaluation, Verdict } from '~db/enums'
import { cases, leads } from '~db/schema'
import { type Case, reviewTime } from './case.server'

/** How a case closes, and what that way of closing records. */
export type Closing =
  | { how: 'conceded'; by: number; disposition: Disposition }
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

/**
 * Closes an open case inside the caller's (immediate) transaction: writes the verdict, then
 * either returns the lead to Sales (a "meets" verdict) or disposes of it, with the audit
 * entries and events of both.
 */
export function closeCase(tx: Queryable, c: Case, closing: Closing, now: Date): void {
  const reviewWorkingMs = reviewTime(tx, c, now)
  const disposition = closing.disposition
  const returnTo = closing.how === 'decided' ? closing.returnTo : null
  if (closing.how === 'conceded') {
    tx.update(cases)
      .set({
        status: 'conceded',
        response: 'conceded',
        respondedBy: closing.by,
        respondedAt: now,
        verdict: 'does_not_meet',
        disposition,
        rationale: 'Conceded by marketing',
        decidedAt: now,
        reviewWorkingMs,
      })
      .where(eq(cases.id, c.id))
      .run()
    audit(tx, closing.by, 'case.conceded', c.id, { status: 'conceded', disposition }, now)
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
  } else {
    tx.update(cases)
      .set({
        status: 'decided',
        verdict: closing.verdict,
        disposition,
        rationale: closing.rationale,
        decidedAt: now,
        unanimous: closing.unanimous,
        decidedByChair: closing.byChair,
        ...closing.record,
        returnedTo: returnTo,
        reviewWorkingMs,
      })
      .where(eq(cases.id, c.id))
      .run()
    const { agreesWithDefinition, departures } = closing.record
    const after = {
      verdict: closing.verdict,
      disposition,
      unanimous: closing.unanimous,
      byChair: closing.byChair,
      agreesWithDefinition,
      departures,
    }
    audit(tx, null, 'case.decided', c.id, after, now)
    appendEvent(
      tx,
      'case.decided',
      {
        caseId: c.id,
        leadId: c.leadId,
        verdict: closing.verdict,
        disposition,
        repId: c.repId,
        marketerId: c.marketerId,
        returnedTo: returnTo,
      },
      now,
    )
  }
  const actorId = closing.how === 'conceded' ? closing.by : null
  if (returnTo !== null) returnLeadToSales(tx, c.leadId, returnTo, now)
  else disposeOfLead(tx, c, actorId, disposition as Disposition, now)
}

function audit(
  tx: Queryable,
  actorId: number | null,
  action: 'case.conceded' | 'case.decided',
  caseId: number,
  after: object,
  now: Date,
) {
  recordAudit(
    tx,
    {
      actorId,
      action,
      subjectType: 'case',
      subjectId: caseId,
      before: { status: 'in_review' },
      after,
    },
    now,
  )
}

/** The lead leaves Sales for good (disqualified) or for marketing to nurture; its clock stops. */
function disposeOfLead(
  tx: Queryable,
  c: Case,
  actorId: number | null,
  disposition: Disposition,
  now: Date,
) {
  const lead = tx.select({ status: leads.status }).from(leads).where(eq(leads.id, c.leadId)).get()
  tx.update(leads)
    .set({ status: disposition, followUpDueAt: null, updatedAt: now })
    .where(eq(leads.id, c.leadId))
    .run()
  recordAudit(
    tx,
    {
      actorId,
      action: 'lead.disposed',
      subjectType: 'lead',
      subjectId: c.leadId,
      before: { status: lead?.status },
      after: { status: disposition, caseId: c.id },
    },
    now,
  )
  appendEvent(tx, 'lead.disposed', { leadId: c.leadId, caseId: c.id, disposition }, now)
}
