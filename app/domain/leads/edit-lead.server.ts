// The form's "Edit lead": a marketer changes a lead's fields through `upsertLead`, the one way
// to write a lead, so an edit does what a re-imported row does (blanks keep what is stored; a
// nurtured lead that wakes up is flagged in the Nurture pool).
import { eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { DB } from '~db/connection'
import { leads } from '~db/schema'
import type { LeadFields } from './schema'
import { upsertLead } from './upsert-lead.server'

/**
 * Writes `fields` to the lead, matched by its own keys (the form cannot re-key a lead: its
 * external id and e-mail are the lead's, whatever the form sent).
 */
export function editLead(
  db: DB,
  actorId: number,
  leadId: number,
  fields: LeadFields,
  now: Date,
): Result<{ outcome: 'updated' | 'unchanged' }> {
  return db.transaction(
    (tx) => {
      const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
      if (!lead) return refuse('No such lead')
      const keys = { externalId: lead.externalId ?? undefined, email: lead.email ?? undefined }
      const written = upsertLead(tx, actorId, { ...fields, ...keys, owner: undefined }, {}, now)
      if (!written.ok) return written
      if (written.leadId !== leadId || written.outcome === 'created')
        throw new Error(`Editing lead ${leadId} wrote lead ${written.leadId}`)
      return { ok: true as const, outcome: written.outcome }
    },
    { behavior: 'immediate' },
  )
}
