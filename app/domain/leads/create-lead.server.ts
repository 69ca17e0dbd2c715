// The form's "Add a lead": a policy over `upsertLead` that refuses a lead already there.
import type { FieldErrors } from '~/domain/result'
import type { DB } from '~db/connection'
import { findExisting } from './matching.server'
import type { LeadFields } from './schema'
import { upsertLead } from './upsert-lead.server'

type CreateLeadResult =
  | { ok: true; leadId: number }
  | { ok: false; fieldErrors: FieldErrors; existingLeadId?: number }

/**
 * A marketer or admin adds one lead. The form creates and never updates: a duplicate external
 * id or e-mail is refused and points to the lead (an import would update it instead).
 */
export function createLead(
  db: DB,
  actorId: number,
  fields: LeadFields,
  now: Date,
): CreateLeadResult {
  return db.transaction(
    (tx) => {
      const existing = findExisting(tx, fields)
      if (existing) {
        const field =
          fields.externalId && existing.externalId === fields.externalId ? 'externalId' : 'email'
        const what = field === 'externalId' ? 'external id' : 'e-mail address'
        return {
          ok: false as const,
          fieldErrors: { [field]: [`A lead with this ${what} already exists`] },
          existingLeadId: existing.id,
        }
      }
      const written = upsertLead(tx, actorId, fields, {}, now)
      return written.ok ? { ok: true as const, leadId: written.leadId } : written
    },
    { behavior: 'immediate' },
  )
}
