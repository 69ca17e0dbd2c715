// An import's rows judged against the definition as the lead writer will judge them (decision
// 45): a lead handed over now by the version in force, a lead of a CRM's history by the version
// in force at its hand-over. The overall result through a memo (cheap on a large import); the
// criteria that fail only for the rows that are shown or held back.
import { evaluationMemo } from '~/domain/definition/evaluation-memo'
import { describeRule, evaluate, type LeadValues, rawValue } from '~/domain/definition/evaluator'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import type { LeadFields } from '~/domain/leads/schema'
import { type Arrival, columnsOf } from '~/domain/leads/writer.server'
import type { Queryable } from '~db/connection'
import type { Evaluation } from '~db/enums'

/** A row's evaluation as the preview shows it. */
export type RowEvaluation = {
  overall: Evaluation
  /** The required criteria it does not meet, with the row's value. */
  failing: { label: string; rule: string; value: string | null }[]
}

/** What the import stores beside a row held back: the reason, naming the failing criteria. */
export const HELD_BACK = 'Held back: does not meet the definition'

export const heldBackReason = (evaluation: RowEvaluation) =>
  `${HELD_BACK} (${evaluation.failing.map((f) => `${f.label}: ${f.rule}`).join('; ')})`

/** Judges the rows of one import (the marketer `actorId` hands them over). */
export function rowJudge(db: Queryable, actorId: number | null) {
  const handOver = currentHandOver(db, actorId)
  const memos = new Map<number, ReturnType<typeof evaluationMemo>>()
  const judgedBy = (arrival: Arrival | undefined, now: Date) =>
    !arrival || arrival.handedOverAt.getTime() === now.getTime()
      ? handOver
      : handOver.inForceAt(arrival.handedOverAt)
  return {
    /** No version in force: nothing is judged and nothing held back. */
    judges: handOver.versionId !== null,
    /** The overall result for a new lead of these fields, or null when no version judges it. */
    overall(
      fields: LeadFields,
      custom: Record<string, string>,
      arrival: Arrival | undefined,
      now: Date,
    ): Evaluation | null {
      const { versionId, criteria } = judgedBy(arrival, now)
      if (versionId === null) return null
      const memo = memos.get(versionId) ?? evaluationMemo(criteria)
      memos.set(versionId, memo)
      return memo.overall(columnsOf(fields, custom) as LeadValues)
    },
    /** The result with the required criteria it fails. */
    detail(
      fields: LeadFields,
      custom: Record<string, string>,
      arrival: Arrival | undefined,
      now: Date,
    ): RowEvaluation | null {
      const { versionId, criteria } = judgedBy(arrival, now)
      if (versionId === null) return null
      const lead = columnsOf(fields, custom) as LeadValues
      const result = evaluate(lead, criteria)
      const failing = criteria.flatMap((c, i) => {
        if (!c.required || result.criteria[i]?.result !== 'unmet') return []
        const value = rawValue(lead, c.field)
        return [
          {
            label: c.label,
            rule: describeRule(c),
            value: value === null || value === undefined ? null : String(value),
          },
        ]
      })
      return { overall: result.overall, failing }
    },
  }
}

export type RowJudge = ReturnType<typeof rowJudge>
