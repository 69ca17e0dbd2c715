import { eq } from 'drizzle-orm'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { type LeadFields, LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
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

/** A lead handed to `rep` by `marketer` (Maya unless given; null for an admin) at `at` (an hour ago). */
export function handOverLead(
  rep: string,
  fields: Partial<Record<keyof LeadFields, string>> = {},
  options: { at?: Date; marketer?: string | null } = {},
) {
  const db = getDb()
  const by = options.marketer === null ? null : userId(options.marketer ?? 'maya')
  serial++
  return writtenLeadId(
    upsertLead(
      db,
      by,
      LeadFieldsSchema.parse({
        externalId: `T-${process.pid}-${serial}`,
        email: `person${serial}@globex.example`,
        firstName: 'Person',
        lastName: `${serial}`,
        company: 'Globex',
        employeeCount: '400',
        source: 'Webinar',
        campaign: 'Pipeline hygiene 101',
        ...fields,
      }),
      { ownerId: userId(rep), handOver: currentHandOver(db, by) },
      options.at ?? new Date(Date.now() - HOUR),
    ),
  )
}
