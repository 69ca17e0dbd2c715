// The forms of the judicial branch, shared by the browser and the server.
import { z } from 'zod'
import { cursorParam } from '~/domain/cursor'
import { optionalEnum } from '~/domain/leads/schema'
import { CASE_STAGE_FILTERS } from '~/domain/sales/schema'
import { sortFields } from '~/domain/views/sort'
import {
  CASE_KINDS,
  DISPOSITIONS,
  type Disposition,
  OUTCOMES,
  type Outcome,
  VERDICTS,
  type Verdict,
} from '~db/enums'

export const VERDICT_LABELS: Record<Verdict, string> = {
  meets: 'Meets the definition',
  does_not_meet: 'Does not meet the definition',
}

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  disqualified: 'Disqualified',
  nurture: 'Nurture',
}
export { VERDICTS }

const disposition = z.enum(DISPOSITIONS, { error: 'Choose disqualified or nurture' })

export const ConcedeSchema = z.object({ intent: z.literal('concede'), disposition })

export const ContestSchema = z.object({
  intent: z.literal('contest'),
  brief: z
    .string({ error: 'Write the brief: why the lead met the definition' })
    .trim()
    .min(20, 'Write the brief in a sentence or more: why the lead met the definition')
    .max(8000, 'Keep the brief under 8,000 characters'),
})

export const VoteSchema = z
  .object({
    intent: z.literal('vote'),
    verdict: z.enum(VERDICTS, {
      error: 'Choose “Meets the definition” or “Does not meet the definition”',
    }),
    disposition: disposition.optional(),
    rationale: z
      .string({ error: 'Write your rationale' })
      .trim()
      .min(1, 'Write your rationale')
      .max(8000, 'Keep the rationale under 8,000 characters'),
    departureJustification: z
      .string()
      .trim()
      .max(4000, 'Keep the justification under 4,000 characters')
      .optional(),
    returnTo: z.coerce.number<string>().int().positive().optional(),
    // A finding per criterion key ("finding.<key>" in the form); blank means "as evaluated".
    // Conform leaves record values as sent, so the blank option arrives as ''.
    finding: z.record(z.string(), z.enum(['met', 'unmet', '']).optional()).default({}),
  })
  .superRefine((vote, ctx) => {
    if (vote.verdict === 'does_not_meet' && !vote.disposition)
      ctx.addIssue({
        code: 'custom',
        path: ['disposition'],
        message: 'Choose the disposition for a lead that does not meet the definition',
      })
  })

export const RecuseSchema = z.object({
  intent: z.literal('recuse'),
  reason: z
    .string({ error: 'Say why you recuse yourself' })
    .trim()
    .min(1, 'Say why you recuse yourself')
    .max(2000, 'Keep the reason under 2,000 characters'),
})

/** The most cases one take-up handles: a page of the cases list, and then some. */
export const MAX_TAKE_UP = 500

/** The case file's "Take up" button: the case is the page's. */
export const TakeUpCaseSchema = z.object({ intent: z.literal('take-up') })

/**
 * The cases list's take-up: one case (its row's button) or the imported cases shown. Ids are
 * written the one way the app writes them (decision 24): digits, no sign or leading zero.
 */
export const TakeUpCasesSchema = z.object({
  intent: z.literal('take-up'),
  caseId: z
    .array(
      z
        .string()
        .regex(/^[1-9][0-9]{0,15}$/, 'A case is named by its number')
        .transform(Number)
        .refine(Number.isSafeInteger, 'A case is named by its number'),
      { error: 'Choose the cases to take up' },
    )
    .min(1, 'Choose the cases to take up')
    .max(MAX_TAKE_UP, `Take up at most ${MAX_TAKE_UP} cases at once`),
})

/** The review queue's query string; anything unknown is ignored. */
export const ReviewQuerySchema = z.object({
  stage: optionalEnum(CASE_STAGE_FILTERS),
  // The filter before stages (decision 26): old links with `kind=` still filter.
  kind: optionalEnum(CASE_KINDS),
  reasonId: z.coerce.number().int().positive().optional().catch(undefined),
  repId: z.coerce.number().int().positive().optional().catch(undefined),
  source: z.string().trim().max(100).optional().catch(undefined),
  campaign: z.string().trim().max(200).optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  needsMyVote: z
    .literal('1')
    .transform(() => true)
    .optional()
    .catch(undefined),
  ...sortFields('review'),
  after: cursorParam,
})

export const OUTCOME_LABELS: Record<Outcome, string> = {
  won: 'Won (bought from us)',
  bought_elsewhere: 'Bought elsewhere',
  in_buying_process: 'In a buying process',
  plans_to_buy: 'Plans to buy',
  no_plans: 'No plans',
  not_a_fit: 'Not a fit',
}

/** "2026-02-31" is no date; "2026-02-28" is. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** The hindsight-due list's query string: its cursor. */
export const HindsightQuerySchema = z.object({ after: cursorParam })

export const OutcomeSchema = z.object({
  intent: z.literal('record-outcome'),
  outcome: z.enum(OUTCOMES, { error: 'Choose what became of the lead' }),
  occurredOn: z
    .string({ error: 'Enter the date' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as a calendar date')
    .refine(isCalendarDate, 'Enter a real date'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').optional(),
})
export type OutcomeInput = z.infer<typeof OutcomeSchema>
