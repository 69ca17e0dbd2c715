import { type DB, migrateDatabase, openDatabase } from '~db/connection'
import { sealAuditTrail } from './audit.server'
import { getEnv } from './env.server'
import { indexNewLeads } from './leads.server'

let db: DB | undefined

/** The app's one connection, opened on DATABASE_PATH. Migrations run at server start-up. */
export function getDb(): DB {
  db ??= openDatabase(getEnv().DATABASE_PATH)
  return db
}

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
