// "Hand back to Sales": a nurtured lead becomes `new` again, a re-engaged hand-over (not
// net-new) with a fresh follow-up clock, judged against the definition in force now
// (decision 26). A marketer hands it back with a note saying what is new; the organisation may
// have re-engaged leads handed back by themselves (Settings).
import { eq } from 'drizzle-orm'
import { evaluate } from '~/domain/definition/evaluator'
import { currentHandOver, type HandOver } from '~/domain/leads/hand-over.server'
import type { Lead } from '~/domain/leads/lead.server'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import type { AuditSink } from '~/domain/leads/writer.server'
import { type Result, refuse } from '~/domain/result'
import { auditTrail } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { NurtureEnding } from '~db/enums'
import { followUps, leads, nurtureStays } from '~db/schema'
import type { HandBackInput } from './schema'
import { type NurtureStay, openStayOf } from './stays.server'

export const NOT_IN_POOL =
  'The lead is not in the Nurture pool (it may have been handed back already)'
export const NO_REP = 'There is no active rep to hand the lead to'

/** Who ends the stay and how: a marketer with their note, or the app (its note: why). */
export type Ending = { how: NurtureEnding; by: number | null; note: string }

/** What a hand-back inside a caller's transaction needs from it. */
export type HandBackContext = {
  /** Where the audit entries go (the upserter carries its own chain). */
  audit: AuditSink
  /** The next rep in turn, for a lead whose last rep is no longer an active rep. */
  nextRep: () => number | null
  /** What a hand-over now means (the version in force, the clock); read here unless given. */
  handOver?: HandOver
}

/**
 * Ends the stay and hands the lead back to Sales, inside the caller's transaction: to its last
 * rep if still an active rep, else the next in turn; `new` with a fresh clock of the follow-up
 * SLA (a `hand_over` follow-up marked re-engaged); re-engaged since now; judged against the
 * version in force now. `handed_over_at` stays the first hand-over (the lead's net-new cohort).
 */
export function handBackInTx(
  tx: Queryable,
  lead: Lead,
  stay: NurtureStay,
  ending: Ending,
  ctx: HandBackContext,
  now: Date,
): Result<{ repId: number }> {
  const lastRepActive = activeReps(tx).some((r) => r.id === lead.ownerId)
  const repId = lastRepActive ? lead.ownerId : ctx.nextRep()
  if (!repId) return refuse(NO_REP)
  const handOver = ctx.handOver ?? currentHandOver(tx, ending.by)
  const dueAt = handOver.followUpDue(now)
  const evaluation = handOver.versionId === null ? null : evaluate(lead, handOver.criteria).overall
  const marketerId = handOver.marketerId ?? lead.marketerId
  tx.update(nurtureStays)
    .set({ endedAt: now, endedHow: ending.how, endedBy: ending.by, note: ending.note })
    .where(eq(nurtureStays.id, stay.id))
    .run()
  tx.update(leads)
    .set({
      status: 'new',
      ownerId: repId,
      marketerId,
      clockStartedAt: now,
      followUpDueAt: dueAt,
      definitionVersionId: handOver.versionId,
      evaluation,
      reengaged: true,
      reengagedAt: now,
      updatedAt: now,
    })
    .where(eq(leads.id, lead.id))
    .run()
  tx.insert(followUps)
    .values({ leadId: lead.id, repId, kind: 'hand_over', startedAt: now, dueAt, reengaged: true })
    .run()
  ctx.audit.append(
    {
      actorId: ending.by,
      action: 'lead.handed_back',
      subjectType: 'lead',
      subjectId: lead.id,
      before: {
        status: lead.status,
        ownerId: lead.ownerId,
        definitionVersionId: lead.definitionVersionId,
        evaluation: lead.evaluation,
      },
      after: {
        status: 'new',
        ownerId: repId,
        definitionVersionId: handOver.versionId,
        evaluation,
        how: ending.how,
        note: ending.note,
        stayId: stay.id,
      },
    },
    now,
  )
  appendEvent(
    tx,
    'lead.handed_back',
    {
      leadId: lead.id,
      stayId: stay.id,
      caseId: stay.caseId,
      repId,
      by: ending.by,
      auto: ending.how === 'auto_handed_back',
    },
    now,
  )
  return { ok: true, repId }
}

/**
 * A marketer hands a lead in the Nurture pool back to Sales with a note saying what is new, in
 * one immediate transaction. A lead not in the pool (never, or already handed back: a double
 * submit) is refused and nothing changes.
 */
export function handBackLead(
  db: Queryable,
  actor: { id: number },
  input: HandBackInput,
  now: Date,
): Result<{ leadId: number; repId: number }> {
  return db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, input.leadId)).get()
      const stay = lead?.status === 'nurture' ? openStayOf(tx, lead.id) : undefined
      if (!lead || !stay) return refuse(NOT_IN_POOL)
      let turns: ReturnType<typeof roundRobin> | undefined
      const result = handBackInTx(
        tx,
        lead,
        stay,
        { how: 'handed_back', by: actor.id, note: input.note },
        {
          audit: auditTrail(tx),
          nextRep: () => {
            turns = roundRobin(tx, activeReps(tx), now)
            return turns.next()
          },
        },
        now,
      )
      if (!result.ok) return result
      turns?.save()
      return { ok: true as const, leadId: lead.id, repId: result.repId }
    },
    { behavior: 'immediate' },
  )
}
