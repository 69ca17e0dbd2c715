import { indexNewLeads } from '~/domain/leads/search-index.server'
import { sealAuditTrail } from '~/platform/audit.server'
import { type DB, migrateDatabase } from '~db/connection'

/**
 * Brings a database up to date before anything writes to it: pending migrations, then the
 * audit entries written before the hash chain existed are chained (once), and any lead left
 * out of the search index is indexed. Every process that opens the database (server, scripts,
 * tests) calls this first.
 */
export function prepareDatabase(db: DB): { sealed: number } {
  migrateDatabase(db)
  db.transaction((tx) => indexNewLeads(tx), { behavior: 'immediate' })
  return { sealed: sealAuditTrail(db) }
}
