import { eq } from 'drizzle-orm'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { type Past, upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import type { Arrival } from '~/domain/leads/writer.server'
import { HOUR } from '~/domain/sla/clock'
import { getDb } from '~/platform/db.server'
import { users } from '~db/schema'

/** The id of a demo user by first name ("dana" → dana@brightline.test), or by full e-mail. */
export const userId = (name: string) =>
  getDb()
    .select()
    .from(users)
    .where(eq(users.email, name.includes('@') ? name : `${name}@brightline.test`))
    .get()?.id ?? 0

let serial = 0

/** A new lead's fields: a person at Globex (400 employees) from a webinar, unless `fields` say otherwise. */
function leadFields(fields: Partial<Record<keyof LeadFields, string>>) {
  serial++
  return LeadFieldsSchema.parse({
    externalId: `T-${process.pid}-${serial}`,
    email: `person${serial}@globex.example`,
    firstName: 'Person',
    lastName: `${serial}`,
    company: 'Globex',
    employeeCount: '400',
    source: 'Webinar',
    campaign: 'Pipeline hygiene 101',
    ...fields,
  })
}

/** A lead handed to `rep` by `marketer` (Maya unless given; null for an admin) at `at` (an hour ago). */
export function handOverLead(
  rep: string,
  fields: Partial<Record<keyof LeadFields, string>> = {},
  options: { at?: Date; marketer?: string | null } = {},
) {
  const db = getDb()
  const by = options.marketer === null ? null : userId(options.marketer ?? 'maya')
  return writtenLeadId(
    upsertLead(
      db,
      by,
      leadFields(fields),
      { ownerId: userId(rep), handOver: currentHandOver(db, by) },
      options.at ?? new Date(Date.now() - HOUR),
    ),
  )
}

/**
 * A lead from a CRM's past, imported by Maya at `importedAt` for `rep`, as an import writes one
 * (decision 25): arriving as `arrival` says (history or not, its hand-over, no clock unless
 * told) with what the CRM says happened to it (`past`: a rejection, which becomes an imported
 * case, and a win).
 */
export function importedLead(
  rep: string,
  fields: Partial<Record<keyof LeadFields, string>>,
  options: { arrival: Arrival; past?: Past; importedAt: Date },
) {
  const db = getDb()
  const by = userId('maya')
  return writtenLeadId(
    upsertLead(
      db,
      by,
      leadFields(fields),
      {
        ownerId: userId(rep),
        handOver: currentHandOver(db, by),
        arrival: options.arrival,
        ...(options.past ? { past: options.past } : {}),
      },
      options.importedAt,
    ),
  )
}
