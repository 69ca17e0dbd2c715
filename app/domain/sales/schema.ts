// The forms of the sales side, shared by the browser and the server.
import { z } from 'zod'
import { cursorParam } from '~/domain/cursor'
import { optionalEnum } from '~/domain/leads/schema'
import { sortFields } from '~/domain/views/sort'
import {
  CASE_KINDS,
  CASE_STAGES,
  CASE_STATUSES,
  type CaseKind,
  type CaseStage,
  type CaseStatus,
  CONTACT_CHANNELS,
  type ContactChannel,
} from '~db/enums'

export const MAX_CONTACT_ATTEMPTS = 50

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
}

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  rejected: 'Rejected',
  ignored: 'Ignored',
}
export { CASE_KINDS, CASE_STAGES, CASE_STATUSES }

/** A case's stage in words (decision 26): rejected before or after contact, or ignored. */
export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  before_contact: 'Rejected before contact',
  after_contact: 'Rejected after contact',
  ignored: 'Ignored',
}

/** The stage of a case: ignored, or rejected before contact (new, returned) or after (working). */
export function stageOf(c: { kind: CaseKind; afterContact: boolean }): CaseStage {
  if (c.kind === 'ignored') return 'ignored'
  return c.afterContact ? 'after_contact' : 'before_contact'
}

/** What the case lists filter on: a stage, or `rejected` (either stage of rejection). */
export const CASE_STAGE_FILTERS = [...CASE_STAGES, 'rejected'] as const
export type CaseStageFilter = (typeof CASE_STAGE_FILTERS)[number]
export const CASE_STAGE_FILTER_LABELS: Record<CaseStageFilter, string> = {
  ...CASE_STAGE_LABELS,
  rejected: 'Rejected, before or after contact',
}

/** The most an opportunity's amount may be, in whole currency units. */
export const MAX_OPPORTUNITY_AMOUNT = 1_000_000_000_000

const notes = z.string().trim().max(4000, 'Keep the notes under 4,000 characters').optional()

export const AcceptSchema = z.object({ intent: z.literal('accept') })

export const RejectSchema = z.object({
  intent: z.literal('reject'),
  reasonId: z.coerce
    .number<string>({ error: 'Choose a reason' })
    .int('Choose a reason')
    .positive('Choose a reason'),
  notes,
  contactAttempts: z.coerce
    .number<string>({ error: 'Enter how many times you tried to reach them (0 if never)' })
    .int('Enter a whole number of contact attempts')
    .min(0, 'Contact attempts cannot be negative')
    .max(
      MAX_CONTACT_ATTEMPTS,
      `More than ${MAX_CONTACT_ATTEMPTS} contact attempts is not believable; enter the number made`,
    ),
  // The lead in the buying group being worked, for a reason that names it ("Already working
  // this account / duplicate"); required then, ignored otherwise (`rejectLead` checks it).
  workingLeadId: z.coerce
    .number<string>({ error: 'Choose the lead being worked' })
    .int('Choose the lead being worked')
    .positive('Choose the lead being worked')
    .optional(),
})
export type RejectInput = z.infer<typeof RejectSchema>

/** Mark converted: the working lead became an opportunity (its reference and amount optional). */
export const MarkConvertedSchema = z.object({
  intent: z.literal('mark-converted'),
  opportunityRef: z
    .string()
    .trim()
    .max(100, 'Keep the opportunity reference under 100 characters')
    .optional(),
  opportunityAmount: z.coerce
    .number<string>({ error: 'Enter the amount as a whole number, such as 25000' })
    .int('Enter the amount in whole units, without decimals')
    .min(0, 'The amount cannot be negative')
    .max(MAX_OPPORTUNITY_AMOUNT, 'Enter an amount under 1,000,000,000,000')
    .optional(),
})
export type MarkConvertedInput = z.infer<typeof MarkConvertedSchema>

export const ContactAttemptSchema = z.object({
  intent: z.literal('log-contact'),
  channel: z.enum(CONTACT_CHANNELS, { error: 'Choose call, e-mail or meeting' }),
  // A datetime-local value, read in the organisation's time zone.
  at: z
    .string({ error: 'Enter when you made the attempt' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter a date and a time'),
  note: notes,
})
export type ContactAttemptInput = z.infer<typeof ContactAttemptSchema>

export const MarkReadSchema = z.object({
  intent: z.literal('mark-read'),
  notificationId: z.union([z.literal('all'), z.coerce.number<string>().int().positive()], {
    error: 'Choose what to mark as read',
  }),
})

/** The home page's query string: the cursor of the rep's queue. */
export const HomeQuerySchema = z.object({ queue: cursorParam })

/** The case list's query string; anything unknown is ignored. `marketer=any` widens a marketer's list to everyone's leads. */
export const CaseListQuerySchema = z.object({
  stage: optionalEnum(CASE_STAGE_FILTERS),
  // The filter before stages (decision 26): old links with `kind=` still filter.
  kind: optionalEnum(CASE_KINDS),
  status: optionalEnum(CASE_STATUSES),
  reasonId: z.coerce.number().int().positive().optional().catch(undefined),
  repId: z.coerce.number().int().positive().optional().catch(undefined),
  source: z.string().trim().max(100).optional().catch(undefined),
  campaign: z.string().trim().max(200).optional().catch(undefined),
  marketer: z.enum(['mine', 'any']).optional().catch(undefined),
  ...sortFields('cases'),
  after: cursorParam,
})

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  in_review: 'In review',
  decided: 'Decided',
  conceded: 'Conceded',
  imported: 'Imported, not reviewed',
}
