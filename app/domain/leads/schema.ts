// One lead's fields as people type them in the form or as a CSV cell holds them: text in,
// typed and normalised values out. Used by the lead form and by every imported row.
import { z } from 'zod'
import { cursorParam } from '~/domain/cursor'
import { toNumber } from '~/domain/definition/evaluator'
import { sortFields } from '~/domain/views/sort'
import { EVALUATIONS, LEAD_STATUSES, LIFECYCLE_STAGES, type LifecycleStage } from '~db/enums'

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined))

/** A whole number from text such as "1,200", "51-200" (the lower bound) or "10000+". */
function wholeNumber(value: string): number | null {
  const range = value.trim().match(/^(\d[\d,]*)\s*(?:-|–|to)\s*\d[\d,]*$/)
  const plus = value.trim().match(/^(\d[\d,]*)\s*\+$/)
  const n = toNumber(range?.[1] ?? plus?.[1] ?? value)
  return n !== null && Number.isInteger(n) ? n : null
}

const number = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return undefined
      const n = wholeNumber(raw)
      if (n === null) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must be a whole number, not “${raw.trim()}”`,
        })
        return z.NEVER
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label} must be between ${min} and ${max}` })
        return z.NEVER
      }
      return n
    })

const STAGE_SYNONYMS: Record<string, LifecycleStage> = {
  subscriber: 'subscriber',
  lead: 'lead',
  mql: 'mql',
  marketingqualifiedlead: 'mql',
  sql: 'sql',
  salesqualifiedlead: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
}

/** "Marketing Qualified Lead", "MQL" and HubSpot's "marketingqualifiedlead" are all `mql`. */
function lifecycleStage(value: string): LifecycleStage | null {
  return STAGE_SYNONYMS[value.toLowerCase().replace(/[^a-z]/g, '')] ?? null
}

/** A bare domain from "https://www.Acme.com/about" or "acme.com". */
function normaliseDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
}

export const LeadFieldsSchema = z
  .object({
    externalId: text(100, 'External id'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined
        if (!z.email().safeParse(v).success || v.length > 254) {
          ctx.addIssue({ code: 'custom', message: `“${v}” is not a valid e-mail address` })
          return z.NEVER
        }
        return v
      }),
    firstName: text(100, 'First name'),
    lastName: text(100, 'Last name'),
    phone: text(50, 'Phone'),
    title: text(200, 'Title'),
    company: text(200, 'Company'),
    companyDomain: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return undefined
        const domain = normaliseDomain(v)
        if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
          ctx.addIssue({
            code: 'custom',
            message: `“${v.trim()}” is not a domain such as acme.com`,
          })
          return z.NEVER
        }
        return domain
      }),
    industry: text(100, 'Industry'),
    employeeCount: number('Employee count', 0, 10_000_000),
    country: text(100, 'Country'),
    source: text(100, 'Source'),
    campaign: text(200, 'Campaign'),
    lifecycleStage: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return undefined
        const stage = lifecycleStage(v)
        if (!stage) {
          ctx.addIssue({
            code: 'custom',
            message: `Lifecycle stage “${v.trim()}” is not one of ${LIFECYCLE_STAGES.join(', ')}`,
          })
          return z.NEVER
        }
        return stage
      }),
    engagementScore: number('Engagement score', 0, 100),
    purchaseTimelineMonths: number('Purchase timeline', 0, 120),
    notes: text(5000, 'Notes'),
    owner: text(200, 'Owner'),
  })
  .superRefine((lead, ctx) => {
    if (!lead.externalId && !lead.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['externalId'],
        message: 'Give an external id or an e-mail address: a lead needs one to be identified',
      })
    }
  })

export type LeadFields = z.output<typeof LeadFieldsSchema>

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined)

/** The lead list's query string: filters, sort and cursor; anything unknown is ignored. */
export const LeadListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: optionalEnum(LEAD_STATUSES),
  ownerId: z.coerce.number().int().positive().optional().catch(undefined),
  source: z.string().trim().max(100).optional().catch(undefined),
  campaign: z.string().trim().max(200).optional().catch(undefined),
  lifecycleStage: optionalEnum(LIFECYCLE_STAGES),
  evaluation: optionalEnum(EVALUATIONS),
  ...sortFields('leads'),
  after: cursorParam,
  before: cursorParam,
})

export const LEAD_STATUS_LABELS: Record<(typeof LEAD_STATUSES)[number], string> = {
  new: 'New',
  working: 'Working',
  converted: 'Converted',
  in_review: 'In review',
  returned: 'Returned',
  disqualified: 'Disqualified',
  nurture: 'Nurture',
  rejected: 'Rejected, not reviewed',
}
