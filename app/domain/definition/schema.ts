import { z } from 'zod'
import { CUSTOM_PREFIX, isLeadFieldKey } from '~/domain/leads/fields'
import { OPERATORS, type Operator } from '~db/enums'
import { operatorTakes, type RuleValue, toNumber } from './evaluator'

/** "United Kingdom, Germany" or one per line → ["United Kingdom", "Germany"]. */
function splitList(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((v) => v.trim())
    .filter(Boolean)
}

/** The rule's value as stored, from what the builder's value box holds. */
export function parseRuleValue(operator: Operator, text: string | undefined): RuleValue {
  const takes = operatorTakes(operator)
  if (takes === 'none') return null
  if (takes === 'list') return splitList(text ?? '')
  if (takes === 'number') return toNumber(text)
  return text?.trim() ? text.trim() : null
}

/** What the builder's value box shows for a stored value. */
export function formatRuleValue(value: RuleValue): string {
  if (value === null) return ''
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/**
 * The rule builder's form: one criterion of a draft version. The field picker offers "custom
 * attribute" (value `custom.`), whose name is typed into a separate box; the two make the field.
 */
export const CriterionSchema = z
  .object({
    criterionId: z.coerce.number().int().positive().optional(),
    key: z
      .string({ error: 'Enter a key' })
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        'Use lowercase letters, digits and _ (start with a letter, at most 40)',
      ),
    label: z.string({ error: 'Enter a label' }).trim().min(1, 'Enter a label').max(120),
    description: z.string().trim().max(1000, 'Use 1,000 characters or fewer').default(''),
    field: z
      .string({ error: 'Choose a field' })
      .trim()
      .refine((f) => isLeadFieldKey(f) || f === CUSTOM_PREFIX, 'Choose a field'),
    customAttribute: z.string().trim().max(100, 'Use 100 characters or fewer').optional(),
    operator: z.enum(OPERATORS, { error: 'Choose how to test the field' }),
    value: z.string().max(4000).optional(),
    required: z.boolean().default(false),
  })
  .transform((c, ctx) => {
    const value = parseRuleValue(c.operator, c.value)
    const takes = operatorTakes(c.operator)
    if (takes === 'list' && (value as string[]).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'Enter at least one value, separated by commas',
      })
    }
    if (takes === 'number' && value === null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a number' })
    }
    if (takes === 'single' && value === null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter the value to compare with' })
    }
    if (c.field === CUSTOM_PREFIX && !c.customAttribute) {
      ctx.addIssue({
        code: 'custom',
        path: ['customAttribute'],
        message: 'Name the custom attribute',
      })
    }
    const { value: _text, customAttribute, ...rest } = c
    const field = c.field === CUSTOM_PREFIX ? `${CUSTOM_PREFIX}${customAttribute ?? ''}` : c.field
    return { ...rest, field, value }
  })

export type CriterionInput = z.output<typeof CriterionSchema>

export const StartDraftSchema = z.object({
  intent: z.literal('start-draft'),
  from: z.enum(['empty', 'active'], { error: 'Choose where the draft starts from' }),
})

/** The version page's actions, told apart by `intent`. */
export const VersionIntentSchema = z.object({
  intent: z.enum(['save-criterion', 'remove-criterion', 'propose', 'withdraw', 'sign-off'], {
    error: 'Unknown action',
  }),
  criterionId: z.coerce.number().int().positive().optional(),
})

export const CompareSchema = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
})

const MONTHS_MESSAGE = 'must be a whole number of months from 1 to 36'

/** The version page's query: how many months of hand-overs "Impact of this version" looks back. */
export const ImpactQuerySchema = z.object({
  months: z.coerce
    .number({ error: MONTHS_MESSAGE })
    .int(MONTHS_MESSAGE)
    .min(1, MONTHS_MESSAGE)
    .max(36, MONTHS_MESSAGE)
    .default(12),
})
