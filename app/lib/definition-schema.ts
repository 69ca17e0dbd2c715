import { z } from 'zod'
import { OPERATORS, type Operator } from '~db/enums'
import { operatorTakes, type RuleValue, toNumber } from './evaluator'
import { CUSTOM_PREFIX, isLeadFieldKey } from './lead-fields'

/** "United Kingdom, Germany" or one per line → ["United Kingdom", "Germany"]. */
export function splitList(text: string): string[] {
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

// The builder's field picker offers "custom attribute" (value `custom.`), whose name is typed
// into a separate box; the two make the rule's field.
function joinCustomField(input: unknown) {
  if (
    input &&
    typeof input === 'object' &&
    (input as { field?: unknown }).field === CUSTOM_PREFIX
  ) {
    const name = String((input as { customAttribute?: unknown }).customAttribute ?? '').trim()
    return { ...input, field: `${CUSTOM_PREFIX}${name}` }
  }
  return input
}

/** The rule builder's form: one criterion of a draft version. */
export const CriterionSchema = z.preprocess(
  joinCustomField,
  z
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
        .refine(
          (f) =>
            isLeadFieldKey(f) || (f.startsWith(CUSTOM_PREFIX) && f.length > CUSTOM_PREFIX.length),
          'Choose a lead field, or name a custom attribute',
        ),
      customAttribute: z.string().trim().max(100).optional(),
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
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'Enter the value to compare with',
        })
      }
      const { value: _text, customAttribute: _custom, ...rest } = c
      return { ...rest, value }
    }),
)

export type CriterionInput = z.output<typeof CriterionSchema>
