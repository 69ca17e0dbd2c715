import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database, { type RunResult } from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
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
  // A writer that finds the write lock taken waits for it, up to this long, instead of failing
  // with SQLITE_BUSY. Every write transaction is short (milliseconds), but a queue of them on a
  // busy machine (or a migration at deploy) can keep one waiting for seconds, and SQLite's
  // waiting is not fair: a process that writes batch after batch can take the lock back many
  // times before a waiter's next retry. 30 s is far beyond any normal wait and still short
  // enough that a real deadlock surfaces as an error (decision 18).
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  cacheStatements(sqlite)
  return drizzle(sqlite, { schema })
}

/** How many prepared statements a connection keeps for reuse, the least recently used dropped. */
export const STATEMENT_CACHE_SIZE = 500

/**
 * Keeps the connection's prepared statements by their SQL, so that a query run again is not
 * prepared again: drizzle prepares every statement it runs, and preparing an insert into a table
 * with triggers compiles the triggers too (1.5 ms for `cases`, against 0.06 ms to run it). A
 * statement handed out again has its result modes reset (drizzle sets `raw` when it maps rows
 * itself; nothing else may find them set). One that is busy (an `iterate` still open) is not
 * shared: a fresh one is prepared beside it.
 */
export function cacheStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE) {
  const prepare = sqlite.prepare.bind(sqlite)
  const kept = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    const hit = kept.get(source)
    if (hit && !hit.busy) {
      kept.delete(source)
      kept.set(source, hit)
      if (hit.reader) hit.raw(false).pluck(false).expand(false)
      return hit
    }
    const statement = prepare(source)
    if (!hit) {
      kept.set(source, statement)
      if (kept.size > size) kept.delete(kept.keys().next().value as string)
    }
    return statement
  }) as typeof sqlite.prepare
}

/**
 * A read-only connection on an existing database, for reading off the main thread (the report
 * threads, decision 20). It never writes, so it needs no pragmas but how long to wait when a
 * lock keeps it from reading (in WAL mode only recovery or an exclusive-mode writer does).
 * `beforeStatement` runs before each statement is prepared: a task's clock that throws once its
 * time is up, so a long report stops at its next query.
 */
export function openReadOnlyDatabase(
  path: string,
  options: { busyTimeoutMs: number; beforeStatement?: () => void },
): DB {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`)
  const { beforeStatement } = options
  if (beforeStatement) {
    const prepare = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((source: string) => {
      beforeStatement()
      return prepare(source)
    }) as typeof sqlite.prepare
  }
  return drizzle(sqlite, { schema })
}

/** How long a connection waits for the write lock before giving up with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 30_000

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'migrations')

const JOURNAL = '__drizzle_migrations'

/** When the newest applied migration was generated (drizzle's record of what has run). */
function lastApplied(sqlite: Database.Database): number | undefined {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(JOURNAL)
  if (!table) return undefined
  const row = sqlite
    .prepare(`SELECT created_at AS at FROM ${JOURNAL} ORDER BY created_at DESC LIMIT 1`)
    .get() as { at: number } | undefined
  return row ? Number(row.at) : undefined
}

/**
 * Applies pending migrations, as drizzle's migrator does (the same journal table, the same
 * rule: every migration generated after the newest one applied), with two differences:
 *
 * - An up-to-date database is left alone without taking the write lock, so every process can
 *   prepare the database while another one writes (decision 18).
 * - Pending migrations run in one `immediate` transaction and are listed again once it holds
 *   the lock, so two processes starting on an old database at once apply them once.
 *
 * drizzle-kit's table rebuilds issue `PRAGMA foreign_keys=OFF`, which is a no-op inside a
 * transaction, so foreign keys are switched off on the connection around it and integrity is
 * checked before it commits: a migration that breaks a reference is rolled back. Returns how
 * many migrations it applied.
 */
export function migrateDatabase(db: DB, migrationsFolder = MIGRATIONS_FOLDER): number {
  const sqlite = db.$client
  const migrations = readMigrationFiles({ migrationsFolder })
  const pending = () => {
    const last = lastApplied(sqlite)
    return migrations.filter((m) => last === undefined || last < m.folderMillis)
  }
  if (pending().length === 0) return 0
  sqlite.pragma('foreign_keys = OFF')
  try {
    return sqlite
      .transaction(() => {
        sqlite.exec(
          `CREATE TABLE IF NOT EXISTS ${JOURNAL} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
        )
        const toApply = pending()
        const record = sqlite.prepare(`INSERT INTO ${JOURNAL} (hash, created_at) VALUES (?, ?)`)
        for (const migration of toApply) {
          for (const statement of migration.sql) sqlite.exec(statement)
          record.run(migration.hash, migration.folderMillis)
        }
        // The check reads every table (seconds at a million leads), so only after a migration ran.
        if (toApply.length > 0) {
          const violations = sqlite.pragma('foreign_key_check') as unknown[]
          if (violations.length > 0) {
            throw new Error(
              `Migration left ${violations.length} foreign-key violation(s): ${JSON.stringify(violations.slice(0, 5))}`,
            )
          }
        }
        return toApply.length
      })
      .immediate()
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

const queries = new WeakMap<Database.Database, Map<(db: Queryable) => unknown, unknown>>()

/**
 * A drizzle query built and prepared once per connection, then reused: `build` makes it with
 * `sql.placeholder`s for what changes and ends in `.prepare()`; run it with the values
 * (`.get({ id })`). For the hot queries of every request (the session, the signed-in user, a
 * page's main read), where building the query and preparing its SQL cost more than running it.
 * Keyed by `build` itself, so declare it once at module level (never an inline arrow: a new
 * function each call would prepare a new statement each call). Run inside a transaction of
 * `db`, it is part of that transaction (a transaction runs on its database's one connection).
 */
export function preparedQuery<Q>(db: Queryable, build: (db: Queryable) => Q): Q {
  const connection = (db as unknown as { session: { client: Database.Database } }).session.client
  let prepared = queries.get(connection)
  if (!prepared) {
    prepared = new Map()
    queries.set(connection, prepared)
  }
  let query = prepared.get(build) as Q | undefined
  if (!query) {
    query = build(db)
    prepared.set(build, query)
  }
  return query
}

/**
 * A stamp that changes whenever a committed write may have changed what a read of `db`
 * returns: SQLite's data_version (which moves when another connection, in this process or
 * another, commits) beside this connection's own count of changed rows (data_version does not
 * move for a connection's own writes). A rolled-back write moves it too, which only costs a
 * read that could have been remembered.
 */
export function databaseStamp(db: Queryable): string {
  const version = preparedStatement(db, 'PRAGMA data_version').pluck().get()
  const own = preparedStatement(db, 'SELECT total_changes()').pluck().get()
  const connection = (db as unknown as { session: { client: Database.Database } }).session.client
  return `${connection.name}|${version}|${own}`
}
