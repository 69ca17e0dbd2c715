// POST /api/v1/outcomes (decision 28): one outcome or many, each checked as a row of the outcome
// import is (app/domain/outcomes/record-row.server.ts): the lead by external id or e-mail, the
// same outcome on the same day left as it is, the dates `recordOutcome` allows. Good items are
// recorded; each item's fate is reported, as the import reports its rows.
import { z } from 'zod'
import { OutcomeSchema } from '~/domain/cases/schema'
import { outcomeLead, recordOutcomeOnce } from '~/domain/outcomes/record-row.server'
import type { ApiAnswer } from '../api.server'
import { invalid, issuesOf } from './answers'
import type { WriteContext } from './write.server'

export const MAX_OUTCOMES = 1000

export const OutcomeItemSchema = z
  .strictObject({
    external_id: z.string().trim().max(100).optional(),
    email: z.string().trim().max(254).optional(),
    outcome: OutcomeSchema.shape.outcome,
    occurred_on: OutcomeSchema.shape.occurredOn.meta({
      description: 'YYYY-MM-DD',
      example: '2026-11-20',
    }),
    note: OutcomeSchema.shape.note,
  })
  .refine((o) => Boolean(o.external_id || o.email), {
    message: 'Give the lead’s external_id or email',
    path: ['external_id'],
  })
  .meta({ id: 'OutcomeInput' })

const OutcomeListSchema = z
  .array(OutcomeItemSchema)
  .min(1, 'Send at least one outcome')
  .max(MAX_OUTCOMES, `Send at most ${MAX_OUTCOMES} outcomes at once`)

export const OutcomesBodySchema = z
  .union([OutcomeItemSchema, OutcomeListSchema])
  .meta({ id: 'Outcomes', description: `One outcome, or an array of up to ${MAX_OUTCOMES}` })

export const OutcomeResultSchema = z
  .object({
    index: z.int().meta({ description: 'The item’s place in the request, from 0' }),
    status: z.enum(['recorded', 'unchanged', 'failed']),
    lead_id: z.int().nullable(),
    outcome_id: z.int().nullable(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .meta({ id: 'OutcomeResult' })

export const OutcomesReportSchema = z
  .object({
    recorded: z.int(),
    unchanged: z.int(),
    failed: z.int(),
    results: z.array(OutcomeResultSchema),
  })
  .meta({ id: 'OutcomesReport' })
type Report = z.infer<typeof OutcomesReportSchema>

const FIELDS: Record<string, string> = { occurredOn: 'occurred_on', form: 'external_id' }

export function recordOutcomes(body: unknown, { tx, now }: WriteContext): ApiAnswer {
  // One schema or the other, not the union: its errors then name the field.
  const shaped = Array.isArray(body)
    ? OutcomeListSchema.safeParse(body)
    : OutcomeItemSchema.transform((item) => [item]).safeParse(body)
  if (!shaped.success) return invalid(issuesOf(shaped.error))
  const items = shaped.data
  const report: Report = { recorded: 0, unchanged: 0, failed: 0, results: [] }
  items.forEach((item, index) => {
    const lead = outcomeLead(tx, { externalId: item.external_id ?? '', email: item.email ?? '' })
    const fate =
      'reason' in lead
        ? { kind: 'failed' as const, field: 'form', reason: lead.reason }
        : recordOutcomeOnce(
            tx,
            null,
            lead.id,
            { outcome: item.outcome, occurredOn: item.occurred_on, note: item.note },
            now,
          )
    report[fate.kind]++
    report.results.push({
      index,
      status: fate.kind,
      lead_id: 'id' in lead ? lead.id : null,
      outcome_id: fate.kind === 'recorded' ? fate.outcomeId : null,
      errors:
        fate.kind === 'failed'
          ? [{ field: FIELDS[fate.field] ?? fate.field, message: fate.reason }]
          : [],
    })
  })
  return { status: 200, body: report }
}
