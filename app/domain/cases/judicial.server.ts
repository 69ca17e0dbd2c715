// The judicial branch's transitions: marketing's response (concede or contest), votes,
// recusals, and the verdict with its consequences. Each runs in one immediate transaction, so
// the vote that completes the deciding rule decides the case, once, with its consequences.
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { evaluate } from '~/domain/definition/evaluator'
import { criteriaOf } from '~/domain/definition/versions.server'
import { activeReps, roundRobin } from '~/domain/leads/owners.server'
import { notify } from '~/domain/notifications/notifications.server'
import { type Result, refuse } from '~/domain/result'
import { marketersToTell, returnLeadToSales } from '~/domain/sales/sales.server'
import { getCommitteeSettings, getOrganisationSettings } from '~/domain/settings/settings.server'
import { workingMsBetween } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import type { Disposition, Seat, Verdict } from '~db/enums'
import { cases, leads, recusals, userRoles, users, votes } from '~db/schema'
import { type Ballot, checkVote, decide, verdictRecord } from './deciding'

type Case = typeof cases.$inferSelect

function findCase(db: Queryable, caseId: number): Case | undefined {
  return db.select().from(cases).where(eq(cases.id, caseId)).get()
}

/** Working time from the case's opening to `now`, for the review SLA report. */
function reviewTime(tx: Queryable, c: Case, now: Date): number {
  return workingMsBetween(c.openedAt, now, getOrganisationSettings(tx).timeZone)
}

/** Why a case takes no more responses or votes, or null while it is open. */
function closed(c: Case): string | null {
  if (c.status === 'conceded') return 'Marketing conceded this case; it is closed'
  if (c.status === 'decided') return 'The committee has decided this case; it is closed'
  return null
}

/** The criteria of the case's version and their automatic results on the lead as it was. */
export function caseEvaluation(db: Queryable, c: Case) {
  const criteria = c.definitionVersionId ? criteriaOf(db, c.definitionVersionId) : []
  const evaluation = evaluate(c.leadSnapshot, criteria)
  return { criteria, automatic: evaluation.criteria, overall: evaluation.overall }
}

/**
 * Why a member may not vote on a case of their own making, or null. A member who filed the
 * rejection, is the lead's rep or owner, or is its marketer is recused automatically.
 */
export function automaticRecusal(db: Queryable, c: Case, memberId: number): string | null {
  if (c.filedBy === memberId) return 'You filed the rejection'
  if (c.repId === memberId) return 'You are the lead’s rep'
  const lead = db
    .select({ ownerId: leads.ownerId, marketerId: leads.marketerId })
    .from(leads)
    .where(eq(leads.id, c.leadId))
    .get()
  if (lead?.ownerId === memberId) return 'You own the lead'
  if (lead?.marketerId === memberId || c.marketerId === memberId) return 'You handed the lead over'
  return null
}

/** The member's standing on a case: able to vote, or why not. */
export function standing(
  db: Queryable,
  c: Case,
  memberId: number,
): { canVote: true } | { canVote: false; why: string } {
  const member = db
    .select({ seat: users.seat, active: users.active })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'committee')))
    .where(eq(users.id, memberId))
    .get()
  if (!member?.active || !member.seat)
    return { canVote: false, why: 'Only committee members with a seat vote on cases' }
  const automatic = automaticRecusal(db, c, memberId)
  if (automatic) return { canVote: false, why: `${automatic}, so you are recused from this case` }
  const recused = db
    .select({ reason: recusals.reason })
    .from(recusals)
    .where(and(eq(recusals.caseId, c.id), eq(recusals.memberId, memberId)))
    .get()
  if (recused) return { canVote: false, why: 'You recused yourself from this case' }
  return { canVote: true }
}

// ——— Marketing's response ———

/** The case if marketing may still answer it: open, and not answered yet. */
function answerable(tx: Queryable, caseId: number): Case | ReturnType<typeof refuse> {
  const c = findCase(tx, caseId)
  if (!c) return refuse('This case does not exist')
  const shut = closed(c)
  if (shut) return refuse(shut)
  if (c.response) return refuse('Marketing has already answered this case')
  return c
}

/** Marketing concedes: the case closes as "does not meet", with the disposition marketing chose. */
export function concedeCase(
  db: Queryable,
  marketerId: number,
  caseId: number,
  disposition: Disposition,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const c = answerable(tx, caseId)
      if ('fieldErrors' in c) return c
      tx.update(cases)
        .set({
          status: 'conceded',
          response: 'conceded',
          respondedBy: marketerId,
          respondedAt: now,
          verdict: 'does_not_meet',
          disposition,
          rationale: 'Conceded by marketing',
          decidedAt: now,
          reviewWorkingMs: reviewTime(tx, c, now),
        })
        .where(eq(cases.id, c.id))
        .run()
      const lead = tx.select().from(leads).where(eq(leads.id, c.leadId)).get()
      tx.update(leads)
        .set({ status: disposition, followUpDueAt: null, updatedAt: now })
        .where(eq(leads.id, c.leadId))
        .run()
      recordAudit(
        tx,
        {
          actorId: marketerId,
          action: 'case.conceded',
          subjectType: 'case',
          subjectId: c.id,
          before: { status: 'in_review' },
          after: { status: 'conceded', disposition },
        },
        now,
      )
      recordAudit(
        tx,
        {
          actorId: marketerId,
          action: 'lead.disposed',
          subjectType: 'lead',
          subjectId: c.leadId,
          before: { status: lead?.status },
          after: { status: disposition, caseId: c.id },
        },
        now,
      )
      notify(tx, [c.repId], { kind: 'conceded', caseId: c.id, leadId: c.leadId }, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** Marketing contests the case with a brief; the committee rules, with or without it. */
export function contestCase(
  db: Queryable,
  marketerId: number,
  caseId: number,
  brief: string,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const c = answerable(tx, caseId)
      if ('fieldErrors' in c) return c
      tx.update(cases)
        .set({ response: 'contested', brief, respondedBy: marketerId, respondedAt: now })
        .where(eq(cases.id, c.id))
        .run()
      recordAudit(
        tx,
        {
          actorId: marketerId,
          action: 'case.contested',
          subjectType: 'case',
          subjectId: c.id,
          after: { brief },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

// ——— Votes ———

export type VoteValues = {
  verdict: Verdict
  disposition?: Disposition
  rationale: string
  departureJustification?: string
  returnTo?: number
  finding: Record<string, 'met' | 'unmet' | '' | undefined>
}

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
  majority: StoredVote[],
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
function majorityDisposition(majority: StoredVote[]): Disposition {
  const disqualified = majority.filter((v) => v.disposition === 'disqualified').length
  const nurture = majority.filter((v) => v.disposition === 'nurture').length
  if (disqualified !== nurture) return disqualified > nurture ? 'disqualified' : 'nurture'
  return majority.find((v) => v.isChair)?.disposition ?? 'nurture'
}

/**
 * Decides the case if the votes now complete the deciding rule, with its consequences, inside
 * the caller's transaction. Returns whether it decided.
 */
function decideIfComplete(
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
  const ballots: Ballot[] = cast.map((v) => ({
    memberId: v.memberId,
    seat: v.seat,
    isChair: v.isChair,
    verdict: v.verdict,
  }))
  const decision = decide(ballots, getCommitteeSettings(tx))
  if (!decision.decided) return decision
  const majority = cast.filter((v) => v.verdict === decision.verdict)
  const { criteria, automatic } = caseEvaluation(tx, c)
  const record = verdictRecord(
    criteria,
    automatic,
    cast.map((v) => ({ isChair: v.isChair, findings: v.findings })),
    decision.verdict,
  )
  const names = new Map(
    tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  )
  const rationale = majority.map((v) => `${names.get(v.memberId)}: ${v.rationale}`).join('\n\n')
  const disposition = decision.verdict === 'does_not_meet' ? majorityDisposition(majority) : null
  const returnTo = decision.verdict === 'meets' ? returnRep(tx, c, deciding, majority, now) : null
  tx.update(cases)
    .set({
      status: 'decided',
      verdict: decision.verdict,
      disposition,
      rationale,
      decidedAt: now,
      unanimous: decision.unanimous,
      decidedByChair: decision.byChair,
      completedEvaluation: record.completedEvaluation,
      agreesWithDefinition: record.agreesWithDefinition,
      departures: record.departures,
      returnedTo: returnTo,
      reviewWorkingMs: reviewTime(tx, c, now),
    })
    .where(eq(cases.id, c.id))
    .run()
  recordAudit(
    tx,
    {
      actorId: null,
      action: 'case.decided',
      subjectType: 'case',
      subjectId: c.id,
      before: { status: 'in_review' },
      after: {
        verdict: decision.verdict,
        disposition,
        unanimous: decision.unanimous,
        byChair: decision.byChair,
        agreesWithDefinition: record.agreesWithDefinition,
        departures: record.departures,
      },
    },
    now,
  )
  if (returnTo !== null) {
    returnLeadToSales(tx, c.leadId, returnTo, now)
  } else {
    const lead = tx.select({ status: leads.status }).from(leads).where(eq(leads.id, c.leadId)).get()
    tx.update(leads)
      .set({ status: disposition as Disposition, followUpDueAt: null, updatedAt: now })
      .where(eq(leads.id, c.leadId))
      .run()
    recordAudit(
      tx,
      {
        actorId: null,
        action: 'lead.disposed',
        subjectType: 'lead',
        subjectId: c.leadId,
        before: { status: lead?.status },
        after: { status: disposition, caseId: c.id },
      },
      now,
    )
  }
  notify(
    tx,
    [c.repId, ...(returnTo ? [returnTo] : []), ...marketersToTell(tx, c.marketerId)],
    { kind: 'verdict', caseId: c.id, leadId: c.leadId },
    now,
  )
  return { decided: true, verdict: decision.verdict }
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
      const c = findCase(tx, caseId)
      if (!c) return refuse('This case does not exist')
      const shut = closed(c)
      if (shut) return refuse(shut)
      const stand = standing(tx, c, memberId)
      if (!stand.canVote) return refuse(stand.why)
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

/** A member stands aside from a case with a reason (before voting on it). */
export function recuse(
  db: Queryable,
  memberId: number,
  caseId: number,
  reason: string,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const c = findCase(tx, caseId)
      if (!c) return refuse('This case does not exist')
      const shut = closed(c)
      if (shut) return refuse(shut)
      const stand = standing(tx, c, memberId)
      if (!stand.canVote) return refuse(stand.why)
      const voted = tx
        .select({ id: votes.id })
        .from(votes)
        .where(and(eq(votes.caseId, c.id), eq(votes.memberId, memberId)))
        .get()
      if (voted) return refuse('You have voted on this case; change your vote rather than recuse')
      tx.insert(recusals).values({ caseId: c.id, memberId, reason, at: now }).run()
      recordAudit(
        tx,
        {
          actorId: memberId,
          action: 'case.recused',
          subjectType: 'case',
          subjectId: c.id,
          after: { reason },
        },
        now,
      )
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
