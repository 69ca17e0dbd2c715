import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database, { type RunResult } from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** A connection or a transaction on it: what domain functions that may run inside a transaction take. */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>

/** Opens (and creates when missing) the SQLite file with the pragmas the app relies on. */
export function openDatabase(path: string): DB {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return drizzle(sqlite, { schema })
}

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'migrations')

/**
 * Applies pending migrations. drizzle-kit's table rebuilds issue `PRAGMA foreign_keys=OFF`,
 * which is a no-op inside the migrator's transaction, so we switch foreign keys off on the
 * connection around the migrator and verify integrity before switching them back on.
 */
export function migrateDatabase(db: DB, migrationsFolder = MIGRATIONS_FOLDER) {
  const sqlite = db.$client
  const applied = () => {
    const table = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get()
    return table
      ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
      : 0
  }
  const before = applied()
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder })
    // The check reads every table (seconds at a million leads), so only after a migration ran.
    if (applied() === before) return
    const violations = sqlite.pragma('foreign_key_check') as unknown[]
    if (violations.length > 0) {
      throw new Error(
        `Migration left ${violations.length} foreign-key violation(s): ${JSON.stringify(violations.slice(0, 5))}`,
      )
    }
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * A statement prepared once per connection and kept: for what runs once per row of a large
 * write, where building and preparing a query each time would cost more than running it. Run
 * inside a transaction of `db`, it is part of that transaction (a transaction runs on its
 * database's one connection).
 */
export function preparedStatement(db: Queryable, source: string): Database.Statement {
  // drizzle keeps the connection on the session a database shares with its transactions.
  const connection = (db as unknown as { session: { client: Database.Database } }).session.client
  let prepared = statements.get(connection)
  if (!prepared) {
    prepared = new Map()
    statements.set(connection, prepared)
  }
  let statement = prepared.get(source)
  if (!statement) {
    statement = connection.prepare(source)
    prepared.set(source, statement)
  }
  return statement
}
