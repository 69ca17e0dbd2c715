import { indexNewLeads } from '~/domain/leads/search-index.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { prepareSummaries } from '~/domain/summaries/state.server'
import { sealAuditTrail } from '~/platform/audit.server'
import { type DB, migrateDatabase } from '~db/connection'

/**
 * Brings a database up to date before anything writes to it: pending migrations, then the
 * audit entries written before the hash chain existed are chained (once), and any lead left
 * out of the search index is indexed. Every process that opens the database (server, scripts,
 * tests) calls this first, often while another process is writing, so each step first looks
 * without the write lock and takes it only when it has something to do: preparing an
 * up-to-date database never waits for, or holds up, another writer (decision 18).
 */
export function prepareDatabase(db: DB): { migrated: number; indexed: number; sealed: number } {
  const migrated = migrateDatabase(db)
  // Leads wait here only if the transaction that inserted them committed without indexing
  // them, so indexing them holds the lock no longer than that transaction did.
  const waiting = db.$client.prepare('SELECT 1 FROM leads_search_pending LIMIT 1').get()
  const indexed = waiting ? db.transaction((tx) => indexNewLeads(tx), { behavior: 'immediate' }) : 0
  // The report summaries' calendar for the organisation's zone, and any new family started.
  prepareSummaries(db, SUMMARY_FAMILIES, getOrganisationSettings(db).timeZone)
  return { migrated, indexed, sealed: sealAuditTrail(db) }
}
