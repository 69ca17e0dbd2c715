// The full-text index over leads: filled once per transaction (migration 0014).
import { preparedStatement, type Queryable } from '~db/connection'

const INDEX_NEW_LEADS = `INSERT INTO leads_search (rowid, first_name, last_name, email, company, external_id)
  SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.external_id
  FROM leads_search_pending p JOIN leads l ON l.id = p.id`

/**
 * Indexes for search the leads inserted since it last ran, as they are now, in one statement
 * (the insert trigger notes each new lead: migration 0014). Every transaction that inserts
 * leads runs it before committing, once, after its last insert: one index write per
 * transaction instead of one per lead. Returns how many leads it indexed.
 */
export function indexNewLeads(db: Queryable): number {
  const { changes } = preparedStatement(db, INDEX_NEW_LEADS).run()
  preparedStatement(db, 'DELETE FROM leads_search_pending').run()
  return changes
}
