// The forms of e-mail: a person's preferences, and the admin mailbox's filter.
import { z } from 'zod'
import { EMAIL_KINDS, EMAIL_STATUSES } from '~db/enums'

/** The kinds a person receives: the boxes they ticked (none: nothing but what they cannot choose). */
export const EmailPreferencesSchema = z.object({
  kinds: z
    .array(z.enum(EMAIL_KINDS, { error: 'Choose kinds of e-mail from the list' }))
    .default([]),
})
export type EmailPreferencesInput = z.infer<typeof EmailPreferencesSchema>

/** The mailbox's filter: a status, and a recipient's address (or part of it). */
export const MailboxQuerySchema = z.object({
  status: z.enum(EMAIL_STATUSES, { error: 'Choose a status from the list' }).optional(),
  to: z.string().trim().max(200, 'Keep the address under 200 characters').optional(),
  before: z.coerce.number({ error: 'Not a page of the mailbox' }).int().positive().optional(),
})
export type MailboxQuery = z.infer<typeof MailboxQuerySchema>
