// Is the definition any good? Pure computations behind the hindsight of the definition report
// and a version's "Impact of this version" (docs/metrics.md, "Definition quality"): a lead's
// known fate, the comparison of what a version said with what became of its leads, and what a
// proposed version would have changed. Rows are fed one at a time, so a caller can stream a
// million leads through them and keep only counts.

import { CUSTOM_PREFIX } from '~/domain/leads/fields'
import { type LeadStatus, type Outcome, REAL_BUYER_OUTCOMES, type Verdict } from '~db/enums'
import {
  type CriterionResult,
  type CriterionRule,
  evaluateCriterion,
  type LeadValues,
} from './evaluator'

type Evaluation = 'meets' | 'does_not_meet' | 'undetermined'

/**
 * A lead's known fate: its latest outcome if it has one (a real buyer iff the outcome is one of
 * REAL_BUYER_OUTCOMES), else a converted lead is a real buyer; otherwise not known (null).
 */
export function fateOf(latestOutcome: Outcome | null, status: LeadStatus): boolean | null {
  if (latestOutcome !== null) return REAL_BUYER_OUTCOMES.includes(latestOutcome)
  return status === 'converted' ? true : null
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

type VersionCriteria = { id: number; number: number; criteria: CriterionRule[] }

type Cell = { realBuyers: number; notBuyers: number }
const cell = (): Cell => ({ realBuyers: 0, notBuyers: 0 })

/** One lead with a known fate, as the hindsight of the definition reads it. */
export type JudgedLead = LeadValues & {
  versionId: number | null
  evaluation: Evaluation | null
  realBuyer: boolean
}

/**
 * The hindsight of the definition: per version in force at hand-over, its 3 × 2 table (what it
 * said × real buyer or not), the share of "meets" leads that were real buyers, the share of
 * real buyers it let through ("meets" ÷ real buyers: an undetermined real buyer was not let
 * through), and per criterion how many leads it left unmet that were real buyers all the same.
 * Per-criterion results come from evaluating the lead's fields against its version's criteria.
 */
export function definitionHindsight(versions: VersionCriteria[]) {
  const byId = new Map(
    versions.map((v) => [
      v.id,
      {
        version: v,
        table: { meets: cell(), does_not_meet: cell(), undetermined: cell() },
        unmet: v.criteria.map(() => cell()),
      },
    ]),
  )
  let unjudged = 0
  return {
    add(lead: JudgedLead) {
      const entry = lead.versionId === null ? undefined : byId.get(lead.versionId)
      if (!entry || lead.evaluation === null) {
        unjudged += 1
        return
      }
      const side = lead.realBuyer ? 'realBuyers' : 'notBuyers'
      entry.table[lead.evaluation][side] += 1
      entry.version.criteria.forEach((criterion, i) => {
        if (evaluateCriterion(lead, criterion) === 'unmet') (entry.unmet[i] as Cell)[side] += 1
      })
    },
    result() {
      const rows = [...byId.values()]
        .filter(({ table }) => Object.values(table).some((c) => c.realBuyers + c.notBuyers > 0))
        .sort((a, b) => b.version.number - a.version.number)
        .map(({ version, table, unmet }) => {
          const leads = Object.values(table).reduce((n, c) => n + c.realBuyers + c.notBuyers, 0)
          const realBuyers = Object.values(table).reduce((n, c) => n + c.realBuyers, 0)
          const meets = table.meets.realBuyers + table.meets.notBuyers
          return {
            versionId: version.id,
            number: version.number,
            table,
            leads,
            realBuyers,
            /** Real buyers among the leads it said meet ÷ the leads it said meet. */
            meetsRealBuyerShare: share(table.meets.realBuyers, meets),
            /** Real buyers it said meet ÷ all real buyers (undetermined ones were not let through). */
            realBuyersLetThrough: share(table.meets.realBuyers, realBuyers),
            criteria: version.criteria.map((c, i) => {
              const counts = unmet[i] as Cell
              const total = counts.realBuyers + counts.notBuyers
              return {
                key: c.key,
                label: c.label,
                required: c.required,
                unmet: total,
                unmetRealBuyers: counts.realBuyers,
                /** Real buyers ÷ leads whose criterion was unmet. */
                unmetRealBuyerShare: share(counts.realBuyers, total),
              }
            }),
          }
        })
      return { versions: rows, unjudged }
    },
  }
}

/** A criterion's place in a comparison of two versions, by key. */
export type CriterionChange = 'added' | 'removed' | 'changed'

/** What a required criterion contributes to the overall result; an advisory or absent one, nothing. */
type Counted = CriterionResult | 'none'

const ruleOf = (c: CriterionRule) => JSON.stringify([c.field, c.operator, c.value])

/** The criteria of two versions told apart by key: which were added, removed or changed. */
export function criterionChanges(inForce: CriterionRule[], proposed: CriterionRule[]) {
  const before = new Map(inForce.map((c) => [c.key, c]))
  const after = new Map(proposed.map((c) => [c.key, c]))
  const changes: { key: string; label: string; change: CriterionChange }[] = []
  for (const c of proposed) {
    const old = before.get(c.key)
    if (!old) changes.push({ key: c.key, label: c.label, change: 'added' })
    else if (ruleOf(old) !== ruleOf(c) || old.required !== c.required)
      changes.push({ key: c.key, label: c.label, change: 'changed' })
  }
  for (const c of inForce) {
    if (!after.has(c.key)) changes.push({ key: c.key, label: c.label, change: 'removed' })
  }
  return changes
}

/** Distinct values remembered per rule before it stops remembering (a bound on memory). */
const MEMO_LIMIT = 50_000

/**
 * A lead evaluated against several versions at once, fast enough for a million leads: each
 * distinct rule (field, operator, value) is tested once per lead however many versions share
 * it, and a rule on a lead field remembers its result per value of the field (industries,
 * countries and titles repeat), so the evaluator runs once per distinct value. The overall
 * result is `overallOf`'s rule (tests/unit/definition-quality.test.ts checks it is the same).
 */
export function multiEvaluator(versions: CriterionRule[][]) {
  const rules = new Map<string, CriterionRule>()
  for (const criteria of versions) for (const c of criteria) rules.set(ruleOf(c), c)
  const slots = [...rules.values()]
  const index = new Map([...rules.keys()].map((k, i) => [k, i]))
  const plans = versions.map((criteria) =>
    criteria.map((c) => ({ slot: index.get(ruleOf(c)) as number, required: c.required })),
  )
  const memos = slots.map((rule) =>
    rule.field.startsWith(CUSTOM_PREFIX) ? null : new Map<unknown, CriterionResult>(),
  )
  const tested: CriterionResult[] = slots.map(() => 'unknown')
  const test = (lead: LeadValues, i: number): CriterionResult => {
    const rule = slots[i] as CriterionRule
    const memo = memos[i]
    if (!memo) return evaluateCriterion(lead, rule)
    const value = lead[rule.field] ?? null
    let result = memo.get(value)
    if (result === undefined) {
      result = evaluateCriterion(lead, rule)
      if (memo.size < MEMO_LIMIT) memo.set(value, result)
    }
    return result
  }
  return {
    /** Each version's overall result; `results(v)` then gives its criteria's, in order. */
    evaluate(lead: LeadValues): Evaluation[] {
      for (let i = 0; i < slots.length; i++) tested[i] = test(lead, i)
      return plans.map((plan) => {
        let unknown = false
        for (const { slot, required } of plan) {
          if (!required) continue
          const result = tested[slot]
          if (result === 'unmet') return 'does_not_meet'
          if (result === 'unknown') unknown = true
        }
        return unknown ? 'undetermined' : 'meets'
      })
    },
    /** The last lead's result for criterion `i` of version `v`. */
    result: (v: number, i: number) =>
      tested[((plans[v] as { slot: number }[])[i] as { slot: number }).slot] as CriterionResult,
  }
}

const emptyCounts = () => ({ meets: 0, does_not_meet: 0, undetermined: 0 })

/** A past case of a lead in the window, as the impact reads it. */
export type PastCase = {
  kind: 'rejected' | 'ignored'
  verdict: Verdict | null
  /** The lead judged against the case's own version (on the same fields), or null without one. */
  judged: Evaluation | null
}

/**
 * "Impact of this version": the leads of a window evaluated against a proposed version and the
 * version in force (null when none is), counted; which leads change; which criteria cause it;
 * and which past rejections and verdicts would have gone the other way (docs/metrics.md).
 */
export function versionImpact(proposed: CriterionRule[], inForce: CriterionRule[] | null) {
  const evaluator = multiEvaluator(inForce ? [proposed, inForce] : [proposed])
  const counts = { proposed: emptyCounts(), inForce: inForce ? emptyCounts() : null }
  const changes = inForce ? criterionChanges(inForce, proposed) : []
  // Where each changed criterion sits in each version (-1: absent), and whether it counts there.
  const place = (criteria: CriterionRule[], key: string) => {
    const i = criteria.findIndex((c) => c.key === key)
    return { i, required: i >= 0 && (criteria[i] as CriterionRule).required }
  }
  const perCriterion = changes.map((c) => ({
    ...c,
    now: place(proposed, c.key),
    before: place(inForce ?? [], c.key),
    leadsChanged: 0,
    flips: 0,
  }))
  /** What a criterion contributes to the overall result: its result if required, else nothing. */
  const counted = (v: number, p: { i: number; required: boolean }): Counted =>
    p.required ? evaluator.result(v, p.i) : 'none'
  let leads = 0
  let leadsChanged = 0
  const rejections = { total: 0, nowBacked: 0, noLongerBacked: 0 }
  const verdicts = { total: 0, nowContradicted: 0, nowBacked: 0 }
  return {
    /** Counts one lead; returns its result under the proposed version, for its cases. */
    addLead(lead: LeadValues): Evaluation {
      const [now, before] = evaluator.evaluate(lead) as [Evaluation, Evaluation | undefined]
      leads += 1
      counts.proposed[now] += 1
      if (before !== undefined && counts.inForce) {
        counts.inForce[before] += 1
        const flipped = now !== before
        if (flipped) leadsChanged += 1
        for (const c of perCriterion) {
          if (counted(0, c.now) !== counted(1, c.before)) {
            c.leadsChanged += 1
            if (flipped) c.flips += 1
          }
        }
      }
      return now
    },
    /** Counts one past case of the lead just added, given its result under the proposed version. */
    addCase(pastCase: PastCase, underProposed: Evaluation) {
      const backedNow = underProposed === 'does_not_meet'
      if (pastCase.kind === 'rejected' && pastCase.judged !== null) {
        rejections.total += 1
        const backedThen = pastCase.judged === 'does_not_meet'
        if (backedNow && !backedThen) rejections.nowBacked += 1
        if (!backedNow && backedThen) rejections.noLongerBacked += 1
      }
      if (pastCase.verdict !== null && pastCase.judged !== null) {
        verdicts.total += 1
        const contradicts = (e: Evaluation) =>
          pastCase.verdict === 'meets' ? e === 'does_not_meet' : e === 'meets'
        const then = contradicts(pastCase.judged)
        const now = contradicts(underProposed)
        if (now && !then) verdicts.nowContradicted += 1
        if (!now && then) verdicts.nowBacked += 1
      }
    },
    result() {
      return {
        leads,
        counts,
        leadsChanged: counts.inForce ? leadsChanged : null,
        rejections: {
          ...rejections,
          otherWay: rejections.nowBacked + rejections.noLongerBacked,
        },
        verdicts: { ...verdicts, otherWay: verdicts.nowContradicted + verdicts.nowBacked },
        criteria: perCriterion.map(({ now: _, before: __, ...c }) => c),
      }
    },
  }
}

export type ImpactFigures = ReturnType<ReturnType<typeof versionImpact>['result']>
