// The overall evaluation of many leads against one version's criteria, each criterion worked
// out once per distinct value it reads: leads equal on a criterion's field share its result.
import type { Evaluation } from '~db/enums'
import {
  type CriterionResult,
  type CriterionRule,
  evaluateCriterion,
  type LeadValues,
  overallOf,
  rawValue,
} from './evaluator'

/** A criterion's result for a value: `typeof` kept apart (50 and "50"), blank as one value. */
const keyOf = (value: unknown) =>
  value === null || value === undefined
    ? 'blank'
    : typeof value === 'object'
      ? `object:${JSON.stringify(value)}`
      : `${typeof value}:${String(value)}`

/**
 * A memo of `evaluate(lead, criteria).overall`. A criterion's result depends only on the value
 * it reads (its field, a custom attribute by its name), so each criterion keeps its results by
 * value and is evaluated once per distinct value; the overall result follows from them as
 * `evaluate` decides it. Open one per batch or job: each criterion keeps at most `limit` values,
 * then starts over.
 */
export function evaluationMemo(criteria: CriterionRule[], limit = 10_000) {
  const known = criteria.map(() => new Map<string, CriterionResult>())
  let evaluated = 0
  return {
    overall(lead: LeadValues): Evaluation {
      const results = criteria.map((criterion, i) => {
        const memo = known[i] as Map<string, CriterionResult>
        const key = keyOf(rawValue(lead, criterion.field))
        let result = memo.get(key)
        if (result === undefined) {
          evaluated++
          result = evaluateCriterion(lead, criterion)
          if (memo.size >= limit) memo.clear()
          memo.set(key, result)
        }
        return { key: criterion.key, result }
      })
      return overallOf(criteria, results)
    },
    /** How many times a criterion was evaluated rather than answered from the memo. */
    get evaluated() {
      return evaluated
    },
  }
}
