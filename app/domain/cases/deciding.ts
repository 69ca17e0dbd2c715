// The committee's rules as pure functions: when a case is decided and which way, whether a
// vote agrees with its own findings, and what the verdict records about the definition.

import { type CriterionResult, overallOf } from '~/domain/definition/evaluator'
import type { Evaluation, Seat, Verdict } from '~db/enums'

export type Ballot = { memberId: number; seat: Seat; isChair: boolean; verdict: Verdict }
export type DecidingRule = { quorum: number }

type Decision =
  | { decided: false; waitingFor: string }
  | { decided: true; verdict: Verdict; unanimous: boolean; byChair: boolean }

/**
 * The deciding rule, over the votes of eligible members (recused members have none): at least
 * `quorum` votes including a sales seat and a marketing seat; the majority wins; a tie goes to
 * the chair's vote, and waits for it.
 */
export function decide(ballots: readonly Ballot[], rule: DecidingRule): Decision {
  if (ballots.length < rule.quorum) {
    const missing = rule.quorum - ballots.length
    return { decided: false, waitingFor: `${missing} more vote${missing === 1 ? '' : 's'}` }
  }
  if (!ballots.some((b) => b.seat === 'sales'))
    return { decided: false, waitingFor: 'a vote from the sales seat' }
  if (!ballots.some((b) => b.seat === 'marketing'))
    return { decided: false, waitingFor: 'a vote from the marketing seat' }
  const meets = ballots.filter((b) => b.verdict === 'meets').length
  const doesNot = ballots.length - meets
  if (meets !== doesNot)
    return {
      decided: true,
      verdict: meets > doesNot ? 'meets' : 'does_not_meet',
      unanimous: meets === 0 || doesNot === 0,
      byChair: false,
    }
  const chair = ballots.find((b) => b.isChair)
  if (!chair) return { decided: false, waitingFor: 'the chair’s vote to break the tie' }
  return { decided: true, verdict: chair.verdict, unanimous: false, byChair: true }
}

export type Criterion = { key: string; label: string; required: boolean }
export type AutomaticResult = { key: string; result: CriterionResult }
export type Finding = 'met' | 'unmet'
export type Findings = Record<string, Finding>

/** The evaluation completed by findings: a finding replaces the automatic result (or disputes it). */
export function completeEvaluation(
  criteria: readonly Criterion[],
  automatic: readonly AutomaticResult[],
  findings: Findings,
): { results: AutomaticResult[]; overall: Evaluation } {
  const results = criteria.map((c) => ({
    key: c.key,
    result: findings[c.key] ?? automatic.find((a) => a.key === c.key)?.result ?? 'unknown',
  }))
  return { results, overall: overallOf(criteria, results) }
}

/** Where a "does not meet" verdict departs from a lead the definition finds good: no criterion says why. */
export const OUTSIDE_THE_DEFINITION = '*'

/**
 * The criteria a departing verdict departs on: for "meets", the required criteria its
 * evaluation finds unmet; for "does not meet", none of them (`OUTSIDE_THE_DEFINITION`).
 */
function departuresOf(
  criteria: readonly Criterion[],
  results: readonly AutomaticResult[],
  verdict: Verdict,
): string[] {
  if (verdict !== 'meets') return [OUTSIDE_THE_DEFINITION]
  return criteria
    .filter((c) => c.required && results.find((r) => r.key === c.key)?.result === 'unmet')
    .map((c) => c.key)
}

type VoteCheck =
  | { ok: true; departs: boolean; departures: string[] }
  | { ok: false; fieldErrors: Record<string, string[]> }

/**
 * Checks a vote against the definition: a finding for every criterion the evaluation left
 * unknown, and a verdict that follows from the member's own findings unless a departure
 * justification says why not.
 */
export function checkVote(
  criteria: readonly Criterion[],
  automatic: readonly AutomaticResult[],
  vote: { findings: Findings; verdict: Verdict; departureJustification?: string | null },
): VoteCheck {
  const fieldErrors: Record<string, string[]> = {}
  for (const c of criteria) {
    const unknown =
      automatic.find((a) => a.key === c.key)?.result !== 'met' &&
      automatic.find((a) => a.key === c.key)?.result !== 'unmet'
    if (unknown && !vote.findings[c.key])
      fieldErrors[`finding.${c.key}`] = [
        `Give your finding on “${c.label}”: the lead’s data leaves it unknown`,
      ]
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }
  const { results, overall } = completeEvaluation(criteria, automatic, vote.findings)
  const departs = overall !== vote.verdict
  if (departs && !vote.departureJustification?.trim()) {
    const said = overall === 'meets' ? 'meets' : 'does not meet'
    return {
      ok: false,
      fieldErrors: {
        departureJustification: [
          `By your own findings the lead ${said} the definition. Give a departure justification, or change your findings or verdict`,
        ],
      },
    }
  }
  return {
    ok: true,
    departs,
    departures: departs ? departuresOf(criteria, results, vote.verdict) : [],
  }
}

/**
 * What a decided case records about the definition: the evaluation completed by the majority
 * findings (per criterion, the finding most votes gave; on a tie, the automatic result where
 * there is one, else the chair's), whether the verdict agrees with it, and the criteria it
 * departs on.
 */
export function verdictRecord(
  criteria: readonly Criterion[],
  automatic: readonly AutomaticResult[],
  votes: readonly { isChair: boolean; findings: Findings }[],
  verdict: Verdict,
) {
  const majority: Findings = {}
  for (const c of criteria) {
    const auto = automatic.find((a) => a.key === c.key)?.result
    const known = auto === 'met' || auto === 'unmet' ? auto : undefined
    // A member who gave no finding on a known criterion accepts the automatic result.
    const given = votes.map((v) => v.findings[c.key] ?? known).filter((f): f is Finding => !!f)
    if (given.length === 0) continue
    const met = given.filter((f) => f === 'met').length
    const unmet = given.length - met
    if (met !== unmet) majority[c.key] = met > unmet ? 'met' : 'unmet'
    else {
      const tieBreak = known ?? votes.find((v) => v.isChair)?.findings[c.key]
      if (tieBreak) majority[c.key] = tieBreak
    }
  }
  const { results, overall } = completeEvaluation(criteria, automatic, majority)
  const agrees = overall === verdict
  return {
    completedEvaluation: overall,
    agreesWithDefinition: agrees,
    departures: agrees ? [] : departuresOf(criteria, results, verdict),
  }
}
