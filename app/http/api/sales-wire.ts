// What `POST /api/v1/leads/{id}/accept` and `/reject` take: the acting rep by e-mail, and for a
// rejection what the lead page's form asks (app/domain/sales/schema.ts), as JSON.
import { z } from 'zod'
import { MAX_CONTACT_ATTEMPTS } from '~/domain/sales/schema'
import { CaseSchema } from './cases-wire'
import { LeadSchema } from './leads-wire'

const repEmail = z
  .email({ error: 'Give the e-mail address of the lead’s rep' })
  .max(254)
  .meta({ description: 'The rep acting: the lead’s owner, an active rep' })

export const AcceptBodySchema = z.strictObject({ rep_email: repEmail }).meta({ id: 'AcceptLead' })

export const RejectBodySchema = z
  .strictObject({
    rep_email: repEmail,
    reason_id: z
      .int({ error: 'Give the id of a reason from GET /api/v1/reasons' })
      .positive('Give the id of a reason from GET /api/v1/reasons'),
    notes: z.string().trim().max(4000, 'Keep the notes under 4,000 characters').optional().meta({
      description:
        'Required by some reasons (notes_required), and when the reason disputes a criterion the definition finds met on the lead (decision 41)',
    }),
    contact_attempts: z
      .int({ error: 'Give how many times the rep tried to reach them (0 if never)' })
      .min(0, 'Contact attempts cannot be negative')
      .max(
        MAX_CONTACT_ATTEMPTS,
        `More than ${MAX_CONTACT_ATTEMPTS} contact attempts is not believable`,
      )
      .meta({ description: 'Never fewer than the attempts logged on the lead' }),
    working_lead_id: z
      .int({ error: 'Give the id of the lead being worked' })
      .positive('Give the id of the lead being worked')
      .optional()
      .meta({
        description:
          'For a reason that names the lead being worked (names_working_lead): a lead at the same company',
      }),
  })
  .meta({ id: 'RejectLead' })

export const AcceptedSchema = z.object({ lead: LeadSchema }).meta({ id: 'LeadAccepted' })
export const RejectedSchema = z
  .object({ lead: LeadSchema, case: CaseSchema })
  .meta({ id: 'LeadRejected' })

/** The domain's field names as the API calls them. */
export const REJECT_FIELDS: Record<string, string> = {
  reasonId: 'reason_id',
  notes: 'notes',
  contactAttempts: 'contact_attempts',
  workingLeadId: 'working_lead_id',
}
