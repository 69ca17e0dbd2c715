// Matching a lead's keys (external id, e-mail) to the leads already stored.
import { eq, or } from 'drizzle-orm'
import { preparedStatement, type Queryable } from '~db/connection'
import { leads } from '~db/schema'
import type { LeadFields } from './schema'

/** The existing lead with this external id, else with this e-mail. */
export function findExisting(db: Queryable, fields: Pick<LeadFields, 'externalId' | 'email'>) {
  const matches = db
    .select()
    .from(leads)
    .where(
      or(
        fields.externalId ? eq(leads.externalId, fields.externalId) : undefined,
        fields.email ? eq(leads.email, fields.email) : undefined,
      ),
    )
    .limit(2)
    .all()
  return matches.find((l) => fields.externalId && l.externalId === fields.externalId) ?? matches[0]
}

type Keys = { id: number; externalId: string | null }

/**
 * The lead a row updates: the one with its external id, else the one with its e-mail. A row
 * whose external id and e-mail belong to two different leads, or whose e-mail belongs to a lead
 * with another external id, is a conflict people must resolve, never a silent re-keying.
 */
export function classifyMatch<L extends Keys>(
  fields: Pick<LeadFields, 'externalId' | 'email'>,
  byId: L | undefined,
  byEmail: L | undefined,
): { lead: L | null } | { conflict: string } {
  if (byId && byEmail && byId.id !== byEmail.id) {
    return {
      conflict: `The e-mail ${fields.email} belongs to another lead (external id ${byEmail.externalId ?? 'none'})`,
    }
  }
  if (!byId && byEmail?.externalId && fields.externalId) {
    return {
      conflict: `The e-mail ${fields.email} belongs to a lead with another external id (${byEmail.externalId})`,
    }
  }
  return { lead: byId ?? byEmail ?? null }
}

/** A lead's keys, and the import and line that last wrote it. */
export type MatchedLead = Keys & { importJobId: number | null; importLine: number | null }

const MATCH_COLUMNS =
  'id, external_id AS externalId, import_job_id AS importJobId, import_line AS importLine'

/**
 * The lead with an external id, and the lead with an e-mail, by two prepared statements rather
 * than a query built per row (a whole file is matched in the preview and again in the import).
 */
export function keyLookup(db: Queryable) {
  const byId = preparedStatement(db, `SELECT ${MATCH_COLUMNS} FROM leads WHERE external_id = ?`)
  const byEmail = preparedStatement(db, `SELECT ${MATCH_COLUMNS} FROM leads WHERE email = ?`)
  return {
    byId: (externalId: string) => byId.get(externalId) as MatchedLead | undefined,
    byEmail: (email: string) => byEmail.get(email) as MatchedLead | undefined,
  }
}

/** Matches rows to leads by their keys (see `classifyMatch`). */
export function keyMatcher(db: Queryable) {
  const find = keyLookup(db)
  return (fields: Pick<LeadFields, 'externalId' | 'email'>) =>
    classifyMatch(
      fields,
      fields.externalId ? find.byId(fields.externalId) : undefined,
      fields.email ? find.byEmail(fields.email) : undefined,
    )
}
