import { type DB, migrateDatabase, openDatabase } from '~db/connection'

/** A migrated in-memory database for unit tests of domain functions. */
export function memoryDb(): DB {
  const db = openDatabase(':memory:')
  migrateDatabase(db)
  return db
}
