// The API's lead as the lead endpoints answer it (what they take is in
// app/domain/api/lead-input.ts, since the batch job reads it too).
import { z } from 'zod'
import type { LeadRecord } from '~/domain/api/records.server'
import { leadName } from '~/domain/leads/fields'
import { EVALUATIONS, LEAD_STATUSES, LIFECYCLE_STAGES } from '~db/enums'

export { LeadInputSchema, readLead, snakeCase } from '~/domain/api/lead-input'

import { Instant, RepSchema } from './wire'

const nullableText = z.string().nullable()
const nullableInt = z.int().nullable()

export const LeadSchema = z
  .object({
    id: z.int(),
    external_id: nullableText,
    email: nullableText,
    name: z.string().meta({ description: 'The person’s name, else the e-mail or external id' }),
    first_name: nullableText,
    last_name: nullableText,
    phone: nullableText,
    title: nullableText,
    company: nullableText,
    company_domain: nullableText,
    industry: nullableText,
    employee_count: nullableInt,
    country: nullableText,
    source: nullableText,
    campaign: nullableText,
    lifecycle_stage: z.enum(LIFECYCLE_STAGES).nullable(),
    engagement_score: nullableInt,
    purchase_timeline_months: nullableInt,
    notes: nullableText,
    custom: z.record(z.string(), z.string()),
    status: z.enum(LEAD_STATUSES),
    owner: RepSchema.nullable(),
    evaluation: z
      .object({
        result: z.enum(EVALUATIONS).nullable(),
        definition_version: nullableInt,
      })
      .meta({ description: 'The lead judged by the definition version in force at hand-over' }),
    handed_over_at: Instant,
    accepted_at: Instant.nullable(),
    follow_up_due_at: Instant.nullable(),
    converted_at: Instant.nullable(),
    created_at: Instant,
    updated_at: Instant,
    open_case_id: nullableInt.meta({ description: 'The case under review on the lead, if any' }),
  })
  .meta({ id: 'Lead' })
export type ApiLead = z.infer<typeof LeadSchema>

export const LeadWrittenSchema = z
  .object({ result: z.enum(['created', 'updated', 'unchanged']), lead: LeadSchema })
  .meta({ id: 'LeadWritten' })

export const LeadListSchema = z
  .object({ leads: z.array(LeadSchema) })
  .meta({ id: 'LeadList', description: 'The leads with this key: none or one' })

export const LeadQuerySchema = z
  .strictObject({
    external_id: z.string().min(1).max(100).optional(),
    email: z.string().min(1).max(254).optional(),
  })
  .refine((q) => Boolean(q.external_id) !== Boolean(q.email), {
    message: 'Give external_id or email (one of them)',
    path: ['external_id'],
  })

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function leadJson({ lead, owner, versionNumber, openCaseId }: LeadRecord): ApiLead {
  return {
    id: lead.id,
    external_id: lead.externalId,
    email: lead.email,
    name: leadName(lead),
    first_name: lead.firstName,
    last_name: lead.lastName,
    phone: lead.phone,
    title: lead.title,
    company: lead.company,
    company_domain: lead.companyDomain,
    industry: lead.industry,
    employee_count: lead.employeeCount,
    country: lead.country,
    source: lead.source,
    campaign: lead.campaign,
    lifecycle_stage: lead.lifecycleStage,
    engagement_score: lead.engagementScore,
    purchase_timeline_months: lead.purchaseTimelineMonths,
    notes: lead.notes,
    custom: lead.custom,
    status: lead.status,
    owner,
    evaluation: { result: lead.evaluation, definition_version: versionNumber },
    handed_over_at: lead.handedOverAt.toISOString(),
    accepted_at: iso(lead.acceptedAt),
    follow_up_due_at: iso(lead.followUpDueAt),
    converted_at: iso(lead.convertedAt),
    created_at: lead.createdAt.toISOString(),
    updated_at: lead.updatedAt.toISOString(),
    open_case_id: openCaseId,
  }
}
