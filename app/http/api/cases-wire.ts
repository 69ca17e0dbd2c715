// The API's case: what `GET /api/v1/cases` and `GET /api/v1/cases/{id}` answer, and the query
// of the list (cursor pagination over when a case last changed, then its id).
import { z } from 'zod'
import type { CaseRecord } from '~/domain/api/records.server'
import { stageOf } from '~/domain/sales/schema'
import {
  CASE_KINDS,
  CASE_STAGES,
  CASE_STATUSES,
  DISPOSITIONS,
  EVALUATIONS,
  RESPONSES,
  VERDICTS,
} from '~db/enums'
import { Instant, LimitParam, NextCursor, RepSchema } from './wire'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export const CaseSchema = z
  .object({
    id: z.int(),
    lead_id: z.int(),
    kind: z.enum(CASE_KINDS),
    stage: z.enum(CASE_STAGES),
    status: z.enum(CASE_STATUSES),
    reason: z.object({ id: z.int(), label: z.string() }).nullable(),
    notes: z.string().nullable(),
    contact_attempts: z.int().nullable(),
    rep: RepSchema.nullable(),
    definition_version: z
      .int()
      .nullable()
      .meta({ description: 'The version the lead is judged by' }),
    evaluation: z
      .enum(EVALUATIONS)
      .nullable()
      .meta({ description: 'The definition’s answer when the case opened' }),
    response: z.enum(RESPONSES).nullable().meta({ description: 'Marketing’s response' }),
    verdict: z.enum(VERDICTS).nullable(),
    disposition: z.enum(DISPOSITIONS).nullable(),
    rationale: z.string().nullable(),
    agreement: z.boolean().nullable().meta({
      description: 'Whether the verdict agreed with the definition (null until decided)',
    }),
    departures: z.array(z.string()).nullable().meta({
      description: 'The criteria the verdict departed from',
    }),
    opened_at: Instant,
    review_due_at: Instant,
    responded_at: Instant.nullable(),
    decided_at: Instant.nullable(),
    updated_at: Instant.meta({ description: 'The latest of opened, taken up, responded, decided' }),
    deciding_audit_hash: z.string().nullable().meta({
      description: 'The hash of the audit-trail entry that decided (or conceded) the case',
    }),
  })
  .meta({ id: 'Case' })
export type ApiCase = z.infer<typeof CaseSchema>

export function caseJson({ record: c, ...r }: CaseRecord): ApiCase {
  return {
    id: c.id,
    lead_id: c.leadId,
    kind: c.kind,
    stage: stageOf(c),
    status: c.status,
    reason: c.reasonId ? { id: c.reasonId, label: c.reasonLabel ?? '' } : null,
    notes: c.notes,
    contact_attempts: c.contactAttempts,
    rep: r.rep,
    definition_version: r.versionNumber,
    evaluation: c.evaluation,
    response: c.response,
    verdict: c.verdict,
    disposition: c.disposition,
    rationale: c.rationale,
    agreement: c.agreesWithDefinition,
    departures: c.departures,
    opened_at: c.openedAt.toISOString(),
    review_due_at: c.reviewDueAt.toISOString(),
    responded_at: iso(c.respondedAt),
    decided_at: iso(c.decidedAt),
    updated_at: r.updatedAt.toISOString(),
    deciding_audit_hash: r.decidingHash,
  }
}

export const CaseListSchema = z
  .object({ cases: z.array(CaseSchema), next_cursor: NextCursor })
  .meta({ id: 'CaseList' })

const CURSOR = /^(\d{1,15})-(\d{1,15})$/

export const CaseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES, { error: `Give one of ${CASE_STATUSES.join(', ')}` }).optional(),
  updated_since: z.iso
    .datetime({ offset: true, error: 'Give an ISO 8601 instant, such as 2026-11-28T09:00:00Z' })
    .optional()
    .meta({ description: 'Only cases changed at or after this instant' }),
  cursor: z
    .string()
    .regex(CURSOR, 'This is not a cursor the API gave; start again without it')
    .optional()
    .meta({ description: 'The `next_cursor` of the previous page' }),
  limit: LimitParam.optional(),
})
