// A committee member casts (or changes) a vote on a case: checked against the definition, and
// the vote that completes the deciding rule decides the case in the same transaction.
import { and, eq } from 'drizzle-orm'
import { activeReps } from '~/domain/leads/owners.server'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import type { Disposition, Seat, Verdict } from '~db/enums'
import { users, votes } from '~db/schema'
import { caseEvaluation } from './case.server'
import { decideIfComplete } from './decide-case.server'
import { checkVote } from './deciding'
import { caseForMember } from './standing.server'

type VoteValues = {
  verdict: Verdict
  disposition?: Disposition
  rationale: string
  departureJustification?: string
  returnTo?: number
  finding: Record<string, 'met' | 'unmet' | '' | undefined>
}

/**
 * A committee member casts (or changes) their vote. The vote is checked against the
 * definition; the vote that completes the deciding rule decides the case in the same
 * transaction.
 */
export function castVote(
  db: Queryable,
  memberId: number,
  caseId: number,
  input: VoteValues,
  now: Date,
): Result<{ decided: boolean; waitingFor: string | null }> {
  return db.transaction(
    (tx) => {
      const found = caseForMember(tx, caseId, memberId)
      if (!found.ok) return found
      const { c } = found
      const { criteria, automatic } = caseEvaluation(tx, c)
      // Findings on this version's criteria only; a blank one means "as evaluated".
      const findings: Record<string, 'met' | 'unmet'> = {}
      for (const [key, finding] of Object.entries(input.finding))
        if (finding && criteria.some((cr) => cr.key === key)) findings[key] = finding
      const check = checkVote(criteria, automatic, {
        findings,
        verdict: input.verdict,
        departureJustification: input.departureJustification,
      })
      if (!check.ok) return check
      if (input.verdict === 'does_not_meet' && !input.disposition)
        return refuse(
          'Choose the disposition for a lead that does not meet the definition',
          'disposition',
        )
      if (input.verdict === 'meets') {
        const reps = activeReps(tx)
        if (input.returnTo && !reps.some((r) => r.id === input.returnTo))
          return refuse('Choose an active rep to return the lead to', 'returnTo')
        if (!input.returnTo && !reps.some((r) => r.id === c.repId))
          return refuse(
            'The lead’s rep is no longer active; choose the rep to return the lead to',
            'returnTo',
          )
      }
      const member = tx
        .select({ seat: users.seat, isChair: users.isChair })
        .from(users)
        .where(eq(users.id, memberId))
        .get()
      const values = {
        verdict: input.verdict,
        disposition: input.verdict === 'does_not_meet' ? (input.disposition ?? null) : null,
        findings,
        rationale: input.rationale,
        departureJustification: check.departs ? (input.departureJustification ?? null) : null,
        departures: check.departures,
        returnTo: input.verdict === 'meets' ? (input.returnTo ?? null) : null,
        seat: member?.seat as Seat,
        isChair: member?.isChair ?? false,
        updatedAt: now,
      }
      const before = tx
        .select()
        .from(votes)
        .where(and(eq(votes.caseId, c.id), eq(votes.memberId, memberId)))
        .get()
      const vote = tx
        .insert(votes)
        .values({ caseId: c.id, memberId, castAt: now, ...values })
        .onConflictDoUpdate({ target: [votes.caseId, votes.memberId], set: values })
        .returning()
        .get()
      recordAudit(
        tx,
        {
          actorId: memberId,
          action: before ? 'case.vote_changed' : 'case.vote_cast',
          subjectType: 'case',
          subjectId: c.id,
          before: before
            ? {
                verdict: before.verdict,
                disposition: before.disposition,
                rationale: before.rationale,
              }
            : null,
          after: {
            verdict: values.verdict,
            disposition: values.disposition,
            rationale: values.rationale,
            findings,
            departures: values.departures,
            departureJustification: values.departureJustification,
          },
        },
        now,
      )
      appendEvent(
        tx,
        'case.vote_cast',
        { caseId: c.id, memberId, verdict: values.verdict, changed: !!before },
        now,
      )
      const outcome = decideIfComplete(tx, c, vote, now)
      return {
        ok: true as const,
        decided: outcome.decided,
        waitingFor: outcome.decided ? null : outcome.waitingFor,
      }
    },
    { behavior: 'immediate' },
  )
}
