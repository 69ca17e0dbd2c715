// The committee's decision: when the votes complete the deciding rule, the case closes with
// the majority's verdict, its rationale and disposition, and the rep a returned lead goes to.
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import { getCommitteeSettings } from '~/domain/settings/settings.server'
import type { Queryable } from '~db/connection'
import type { Disposition, Seat, Verdict } from '~db/enums'
import { userRoles, users, votes } from '~db/schema'
import { type Case, caseEvaluation } from './case.server'
import { type Closing, closeCase } from './close-case.server'
import {
  type AutomaticResult,
  type Criterion,
  type DecidingRule,
  decide,
  type Findings,
  verdictRecord,
} from './deciding'

type StoredVote = typeof votes.$inferSelect

/**
 * Who gets a returned lead: the rep the deciding vote names if it is in the majority, else one
 * another majority vote names, else the case's rep; if that rep is no longer active, the next
 * active rep in turn.
 */
function returnRep(
  tx: Queryable,
  c: Case,
  deciding: StoredVote,
  majority: readonly CastVote[],
  now: Date,
): number {
  const named =
    (majority.some((v) => v.id === deciding.id) ? deciding.returnTo : null) ??
    majority.find((v) => v.returnTo)?.returnTo ??
    c.repId
  const reps = activeReps(tx)
  if (reps.some((r) => r.id === named)) return named
  const turns = roundRobin(tx, reps, now)
  const next = turns.next()
  turns.save()
  return next ?? named
}

/** The disposition the majority proposed; on a tie the chair's, else nurture (the lead lives). */
function majorityDisposition(majority: readonly CastVote[]): Disposition {
  const disqualified = majority.filter((v) => v.disposition === 'disqualified').length
  const nurture = majority.filter((v) => v.disposition === 'nurture').length
  if (disqualified !== nurture) return disqualified > nurture ? 'disqualified' : 'nurture'
  return majority.find((v) => v.isChair)?.disposition ?? 'nurture'
}

/** A vote as the deciding rule reads it: with the member's seat and chair as they are now. */
export type CastVote = {
  id: number
  memberId: number
  seat: Seat
  isChair: boolean
  verdict: Verdict
  disposition: Disposition | null
  findings: Findings
  rationale: string
  returnTo: number | null
}

type Decided = Extract<Closing, { how: 'decided' }>

/**
 * The deciding rule applied to the votes cast, as a pure function (the app and seed:large both
 * decide with it): still waiting, or the closing the votes decide (verdict, unanimity, the
 * majority's rationale and disposition, what the verdict records about the definition) and
 * the majority, from which the caller picks the rep a returned lead goes to.
 */
export function decisionOf(
  cast: readonly CastVote[],
  rule: DecidingRule,
  evaluation: { criteria: readonly Criterion[]; automatic: readonly AutomaticResult[] },
  names: ReadonlyMap<number, string>,
):
  | { decided: false; waitingFor: string }
  | { decided: true; closing: Omit<Decided, 'returnTo'>; majority: CastVote[] } {
  const decision = decide(cast, rule)
  if (!decision.decided) return decision
  const majority = cast.filter((v) => v.verdict === decision.verdict)
  const record = verdictRecord(
    evaluation.criteria,
    evaluation.automatic,
    cast.map((v) => ({ isChair: v.isChair, findings: v.findings })),
    decision.verdict,
  )
  return {
    decided: true,
    majority,
    closing: {
      how: 'decided',
      verdict: decision.verdict,
      unanimous: decision.unanimous,
      byChair: decision.byChair,
      rationale: majority.map((v) => `${names.get(v.memberId)}: ${v.rationale}`).join('\n\n'),
      disposition: decision.verdict === 'does_not_meet' ? majorityDisposition(majority) : null,
      record,
    },
  }
}

/**
 * Decides the case if the votes now complete the deciding rule, and closes it with its
 * consequences, inside the caller's transaction. Returns whether it decided.
 */
export function decideIfComplete(
  tx: Queryable,
  c: Case,
  deciding: StoredVote,
  now: Date,
): { decided: false; waitingFor: string } | { decided: true; verdict: Verdict } {
  // Only votes of members still eligible count, with their seat and chair as they are now.
  const cast = tx
    .select({ vote: votes, seat: users.seat, isChair: users.isChair })
    .from(votes)
    .innerJoin(users, and(eq(users.id, votes.memberId), eq(users.active, true)))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'committee')))
    .where(and(eq(votes.caseId, c.id), isNotNull(users.seat)))
    .orderBy(asc(votes.castAt), asc(votes.id))
    .all()
    .map((r) => ({ ...r.vote, seat: r.seat as Seat, isChair: r.isChair }))
  const names = new Map(
    tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  )
  const outcome = decisionOf(cast, getCommitteeSettings(tx), caseEvaluation(tx, c), names)
  if (!outcome.decided) return outcome
  const { closing, majority } = outcome
  // A case whose lead moved on to the next rep returns nothing: no rep is chosen (nor a turn taken).
  const returnTo =
    closing.verdict === 'meets' && !c.leadMovedOn ? returnRep(tx, c, deciding, majority, now) : null
  closeCase(tx, c, { ...closing, returnTo }, now)
  return { decided: true, verdict: closing.verdict }
}
