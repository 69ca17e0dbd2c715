// When a nurtured lead counts as re-engaged (decision 26): a change made it meet the
// definition in force, or lifted its engagement score to the threshold in Settings. Pure, so
// the rule reads alone and tests need no database.
import { type CriterionRule, evaluate } from '~/domain/definition/evaluator'

type Values = { [field: string]: unknown; custom?: Record<string, unknown> | null }

export type VersionInForce = { number: number; criteria: CriterionRule[] }

const score = (lead: Values): number | null =>
  typeof lead.engagementScore === 'number' ? lead.engagementScore : null

/**
 * Why a change from `before` to `after` re-engages a lead, in words for the pool and the audit
 * trail (e.g. ["Meets the definition v2", "Engagement score 40 → 82"]); empty when it does not.
 * The change must make the lead meet the version in force (it did not before), or lift its
 * score from below `threshold` to at least it.
 */
export function reengagementWhy(
  before: Values,
  after: Values,
  version: VersionInForce | null,
  threshold: number,
): string[] {
  const why: string[] = []
  if (
    version &&
    evaluate(after, version.criteria).overall === 'meets' &&
    evaluate(before, version.criteria).overall !== 'meets'
  )
    why.push(`Meets the definition v${version.number}`)
  const was = score(before)
  const now = score(after)
  if (now !== null && now >= threshold && (was === null || was < threshold))
    why.push(`Engagement score ${was ?? 'blank'} → ${now}`)
  return why
}
