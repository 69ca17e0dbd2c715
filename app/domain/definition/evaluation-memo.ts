// The overall evaluation of many leads against one version's criteria, worked out once per
// distinct input: two leads whose evaluated fields hold the same values get the same result.
import type { Evaluation } from '~db/enums'
import { type CriterionRule, evaluate, type LeadValues, rawValue } from './evaluator'

/**
 * A memo of `evaluate(lead, criteria).overall` keyed by the values the criteria read (each
 * criterion's field, a custom attribute by its name). The evaluator is a pure function of those
 * values, so a lead equal to an earlier one on them is answered from the memo. Open one per
 * batch or job (it grows with the distinct inputs it sees, at most `limit`, then starts over).
 */
export function evaluationMemo(criteria: CriterionRule[], limit = 10_000) {
  const fields = [...new Set(criteria.map((c) => c.field))]
  const results = new Map<string, Evaluation>()
  let evaluated = 0
  return {
    overall(lead: LeadValues): Evaluation {
      // JSON keeps 50 and "50" apart, and null apart from a missing value.
      const key = JSON.stringify(fields.map((field) => rawValue(lead, field) ?? null))
      const known = results.get(key)
      if (known !== undefined) return known
      evaluated++
      const overall = evaluate(lead, criteria).overall
      if (results.size >= limit) results.clear()
      results.set(key, overall)
      return overall
    },
    /** How many leads were evaluated rather than answered from the memo. */
    get evaluated() {
      return evaluated
    },
  }
}
