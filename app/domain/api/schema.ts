import { z } from 'zod'
import { API_SCOPES } from './scopes'

/** A token's rate limit by default, and the most it may be (requests a minute). */
export const DEFAULT_RATE_PER_MINUTE = 600
export const MAX_RATE_PER_MINUTE = 100_000

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a YYYY-MM-DD string names a day of the calendar (not 2026-02-30). */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const at = new Date(Date.UTC(y, mo - 1, d))
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d
}

/** A new API token: the admin page's form and `npm run api-token` parse with this. */
export const ApiTokenSchema = z.object({
  name: z
    .string({ error: 'Name the token after what uses it' })
    .trim()
    .min(2, 'Name the token after what uses it')
    .max(80, 'Keep the name under 80 characters'),
  scopes: z
    .array(z.enum(API_SCOPES, { error: 'Choose scopes from the list' }), {
      error: 'Choose at least one scope',
    })
    .min(1, 'Choose at least one scope'),
  expires: z.string().trim().refine(isRealDate, 'Enter a real date as YYYY-MM-DD').optional(),
  // Requests a minute the token may make before it is answered 429 (the rate limit).
  rate: z.coerce
    .number<string | number>({ error: 'Enter the requests a minute as a whole number' })
    .int('Enter the requests a minute as a whole number')
    .min(1, 'Allow at least 1 request a minute')
    .max(
      MAX_RATE_PER_MINUTE,
      `Allow at most ${MAX_RATE_PER_MINUTE.toLocaleString('en')} requests a minute`,
    )
    .default(DEFAULT_RATE_PER_MINUTE),
})
export type ApiTokenInput = z.infer<typeof ApiTokenSchema>
