// Testing a migration on a database that holds data: the migrations before it are applied to a
// new file, the test fills it, then migrates it the rest of the way as the server would.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DB, MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from '~db/connection'

/**
 * A database in `dir` with every migration before `tag` (e.g. '0017') applied, and `migrate()`,
 * which applies the rest from the project's migrations folder.
 */
export function databaseBefore(dir: string, tag: string): { db: DB; migrate: () => number } {
  const folder = join(dir, 'migrations-before')
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag)
  writeFileSync(journalPath, JSON.stringify(journal))
  const db = openDatabase(join(dir, 'data.db'))
  migrateDatabase(db, folder)
  return { db, migrate: () => migrateDatabase(db) }
}
