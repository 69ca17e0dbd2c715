// One case as the judicial branch's use cases read it: the row, whether it still takes
// answers and votes, the working time of its review, and its evaluation.
import { eq, sql } from 'drizzle-orm'
import { evaluate } from '~/domain/definition/evaluator'
import { criteriaOf } from '~/domain/definition/versions.server'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import { workingMsBetween } from '~/domain/sla/clock'
import { preparedQuery, type Queryable } from '~db/connection'
import { cases } from '~db/schema'

export type Case = typeof cases.$inferSelect

const caseById = (db: Queryable) =>
  db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare()

/** The case with this id (a prepared query: every case file and vote reads it). */
export function findCase(db: Queryable, caseId: number): Case | undefined {
  return preparedQuery(db, caseById).get({ id: caseId })
}

/** When the case's review began: its opening, or for an imported case, when it was taken up. */
export function reviewStart(c: Pick<Case, 'openedAt' | 'takenUpAt'>): Date {
  return c.takenUpAt ?? c.openedAt
}

/** Working time from the start of the case's review to `now`, for the review SLA report. */
export function reviewTime(tx: Queryable, c: Case, now: Date): number {
  return workingMsBetween(reviewStart(c), now, getWorkingCalendar(tx))
}

export const NOT_TAKEN_UP =
  'This case was imported from the CRM and is not under review; the committee must take it up first'

/** Why a case takes no responses or votes, or null while it is in review. */
export function closed(c: Case): string | null {
  if (c.status === 'imported') return NOT_TAKEN_UP
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
