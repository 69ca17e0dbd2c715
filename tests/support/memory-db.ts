import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { prepareSummaries } from '~/domain/summaries/state.server'
import { type DB, migrateDatabase, openDatabase } from '~db/connection'

/**
 * A migrated in-memory database for unit tests of domain functions, prepared as the server
 * prepares its own (the report summaries' calendar, in UTC until the settings say otherwise).
 */
export function memoryDb(): DB {
  const db = openDatabase(':memory:')
  migrateDatabase(db)
  prepareSummaries(db, SUMMARY_FAMILIES, 'UTC')
  return db
}
