// One case as the judicial branch's use cases read it: the row, whether it still takes
// answers and votes, the working time of its review, and its evaluation.
import { eq } from 'drizzle-orm'
import { evaluate } from '~/domain/definition/evaluator'
import { criteriaOf } from '~/domain/definition/versions.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { workingMsBetween } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import { cases } from '~db/schema'

export type Case = typeof cases.$inferSelect

export function findCase(db: Queryable, caseId: number): Case | undefined {
  return db.select().from(cases).where(eq(cases.id, caseId)).get()
}

/** Working time from the case's opening to `now`, for the review SLA report. */
export function reviewTime(tx: Queryable, c: Case, now: Date): number {
  return workingMsBetween(c.openedAt, now, getOrganisationSettings(tx).timeZone)
}

/** Why a case takes no more responses or votes, or null while it is open. */
export function closed(c: Case): string | null {
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
