// The API's lead as `POST /api/v1/leads` and each row of a batch take it (decision 28): the
// import's fields (app/domain/leads/fields.ts) in snake_case, checked by this schema's shape
// and then by the import's own schema (`LeadFieldsSchema`), which normalises the values.
import 'zod-openapi'
import { z } from 'zod'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { LIFECYCLE_STAGES } from '~db/enums'

/** What is wrong with one field: its path in the body (`leads[3].email`) and why. */
export type FieldError = { field: string; message: string }

const text = (max: number, description?: string) =>
  z
    .string()
    .max(max)
    .nullish()
    .meta(description ? { description } : {})
const whole = (description: string) =>
  z
    .union([z.int(), z.string().max(50)])
    .nullish()
    .meta({ description })

export const LeadInputSchema = z
  .strictObject({
    external_id: text(100, 'Your id for the lead: the key the lead is found by'),
    email: text(254, 'The key when there is no external id'),
    first_name: text(100),
    last_name: text(100),
    phone: text(50),
    title: text(200),
    company: text(200),
    company_domain: text(300, 'A domain such as acme.com (a URL is reduced to its domain)'),
    industry: text(100),
    employee_count: whole('A whole number, or text such as "51-200" (the lower bound)'),
    country: text(100),
    source: text(100),
    campaign: text(200),
    lifecycle_stage: text(100, `One of ${LIFECYCLE_STAGES.join(', ')} (or "MQL", "SQL"…)`),
    engagement_score: whole('0–100'),
    purchase_timeline_months: whole('0–120'),
    notes: text(5000),
    owner: text(
      200,
      'A new lead’s rep, by e-mail or full name (an active rep); left out, the next rep in turn. An existing lead keeps its owner.',
    ),
    custom: z
      .record(z.string().min(1).max(100), z.string().max(1000))
      .nullish()
      .meta({ description: 'Attributes beyond the lead’s fields, as text' }),
  })
  .meta({
    id: 'LeadInput',
    description:
      'A lead to create or update. Give external_id or email; a field left out or null keeps what is stored.',
  })
export type LeadInput = z.infer<typeof LeadInputSchema>

const CAMEL: Record<string, keyof LeadFields> = {
  external_id: 'externalId',
  email: 'email',
  first_name: 'firstName',
  last_name: 'lastName',
  phone: 'phone',
  title: 'title',
  company: 'company',
  company_domain: 'companyDomain',
  industry: 'industry',
  employee_count: 'employeeCount',
  country: 'country',
  source: 'source',
  campaign: 'campaign',
  lifecycle_stage: 'lifecycleStage',
  engagement_score: 'engagementScore',
  purchase_timeline_months: 'purchaseTimelineMonths',
  notes: 'notes',
  owner: 'owner',
}

/** A field of the lead as the API names it: `externalId` → `external_id`. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

export type ReadLead =
  | { ok: true; fields: LeadFields; custom: Record<string, string> }
  | { ok: false; errors: FieldError[] }

/**
 * A lead of the API as the import reads a row: its values as text through `LeadFieldsSchema`
 * (the same normalising and checks), errors named by the API's field names under `prefix`.
 */
export function readLead(input: LeadInput, prefix = ''): ReadLead {
  const cells: Record<string, string> = {}
  for (const [key, value] of Object.entries(input)) {
    const field = CAMEL[key]
    if (field && value !== null && value !== undefined) cells[field] = String(value)
  }
  const parsed = LeadFieldsSchema.safeParse(cells)
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: `${prefix}${snakeCase(String(issue.path[0] ?? 'external_id'))}`,
        message: issue.message,
      })),
    }
  const custom: Record<string, string> = {}
  for (const [key, value] of Object.entries(input.custom ?? {})) {
    if (value.trim()) custom[key] = value.trim()
  }
  return { ok: true, fields: parsed.data, custom }
}
