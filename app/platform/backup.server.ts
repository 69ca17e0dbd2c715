// Backups of the database file and putting one back (`npm run backup`, `npm run restore`;
// decision 23). A backup is SQLite's online backup of the live file, taken beside the running
// server, then checked (its pages, its foreign keys, the audit trail's hash chain) before it
// counts. A restore checks the file the same way before anything is touched, refuses while any
// process has the database open, keeps the current file aside and swaps the copy in atomically.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { DB } from '~db/connection'
import * as schema from '~db/schema'
import { verifyAuditTrail } from './audit.server'

/** A backup or restore that did not happen; the message says why and what was left as it was. */
export class BackupError extends Error {}

/**
 * How the pages are checked: `quick` (PRAGMA quick_check: every page and record well formed)
 * or `integrity` (integrity_check: also that every index matches its table, several times
 * slower at a million leads; docs/performance.md).
 */
export type PageCheck = 'quick' | 'integrity'

export type CopyCheck = {
  auditEntries: number
  /** Rows per table of the copy, by name. */
  counts: Record<string, number>
  ms: number
}

/** `2026-11-27T17-40-00Z`: a UTC instant that sorts by time and is a file name everywhere. */
export function stampOf(now: Date): string {
  return `${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z`
}

const stemOf = (databasePath: string) => basename(databasePath, extname(databasePath))
const STAMP = '\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ'
const backupPattern = (stem: string) =>
  new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${STAMP}\\.db$`)

/** The default backup directory: `backups/` beside the database. */
export const defaultBackupDirectory = (databasePath: string) =>
  join(dirname(resolve(databasePath)), 'backups')

/** The backups of this database in `directory`, oldest first (their names sort by time). */
export function listBackups(databasePath: string, directory: string): string[] {
  if (!existsSync(directory)) return []
  const pattern = backupPattern(stemOf(databasePath))
  return readdirSync(directory)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(directory, name))
}

const removeWithSidecars = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Checks a database file that is ours to change (a fresh backup, or the copy a restore is about
 * to put in place): makes it one self-contained file (rollback journal, so no -wal beside it; the
 * server switches it back to WAL when it opens it), then its pages, its foreign keys and the
 * audit trail's hash chain. Returns what it found, or the first problem, in words.
 */
export function checkCopy(
  path: string,
  pages: PageCheck = 'quick',
): { ok: true; check: CopyCheck } | { ok: false; problem: string } {
  const started = performance.now()
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { fileMustExist: true })
    sqlite.pragma('journal_mode = DELETE')
    const result = sqlite.pragma(pages === 'quick' ? 'quick_check' : 'integrity_check', {
      simple: false,
    }) as Record<string, string>[]
    const findings = result.map((row) => Object.values(row)[0])
    if (findings.length !== 1 || findings[0] !== 'ok')
      return { ok: false, problem: `the ${pages} check found: ${findings.slice(0, 5).join('; ')}` }
    const violations = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[]
    if (violations.length > 0) {
      const first = violations[0] as { table: string; parent: string }
      return {
        ok: false,
        problem: `${violations.length} row(s) refer to rows that do not exist (first: a row of ${first.table} refers to ${first.parent})`,
      }
    }
    const chain = verifyAuditTrail(drizzle(sqlite, { schema }) as unknown as DB)
    if (!chain.ok)
      return {
        ok: false,
        problem: `the audit trail is broken at entry ${chain.brokenAt}: ${chain.reason}`,
      }
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
    const counts = Object.fromEntries(
      tables.map((table) => [
        table,
        sqlite?.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number,
      ]),
    )
    return {
      ok: true,
      check: { auditEntries: chain.entries, counts, ms: performance.now() - started },
    }
  } catch (error) {
    return {
      ok: false,
      problem: `it could not be read as a database (${(error as Error).message})`,
    }
  } finally {
    sqlite?.close()
  }
}

export type BackupReport = {
  path: string
  bytes: number
  copyMs: number
  check: CopyCheck
  /** Older backups deleted to keep the last `keep`. */
  deleted: string[]
}

/**
 * Writes a consistent copy of the live database into `directory` as `<name>-<UTC stamp>.db`,
 * checks it, and only then deletes the backups beyond the newest `keep`. Safe beside the
 * running server: the copy is read in one read transaction (WAL: the server goes on writing
 * meanwhile). A copy that fails its check is deleted and the older backups stay.
 */
export async function backupDatabase(options: {
  databasePath: string
  directory: string
  keep: number
  now: Date
  pages?: PageCheck
}): Promise<BackupReport> {
  const { databasePath, directory, keep, now } = options
  if (!existsSync(databasePath))
    throw new BackupError(`There is no database at ${databasePath}; nothing was backed up.`)
  // A backup holds everything the database does (sessions, the session secret when it is not
  // in the environment): only the account that runs the app may read it.
  mkdirSync(directory, { recursive: true, mode: 0o700 })
  const path = join(directory, `${stemOf(databasePath)}-${stampOf(now)}.db`)
  if (existsSync(path)) throw new BackupError(`A backup named ${path} already exists.`)
  const partial = `${path}.partial`
  removeWithSidecars(partial)
  // Created readable by its owner only, before a byte is copied into it (SQLite keeps the mode).
  writeFileSync(partial, '', { mode: 0o600 })

  const started = performance.now()
  // Read-only: the backup never writes to the live database (a read-write connection that is
  // the last to close would checkpoint it).
  const source = new Database(databasePath, {
    fileMustExist: true,
    readonly: true,
    timeout: 30_000,
  })
  try {
    // Every page in one step: the step holds one read transaction, so the copy is one
    // consistent state however busy the writer is. (better-sqlite3's default of 100 pages a
    // step lets go between steps, and SQLite restarts a backup whenever another connection
    // writes, so under steady writes a large copy might never finish.)
    await source.backup(partial, { progress: () => 0x7fffffff })
  } catch (error) {
    removeWithSidecars(partial)
    throw new BackupError(
      `The backup of ${databasePath} failed: ${(error as Error).message}. Older backups are untouched.`,
    )
  } finally {
    source.close()
  }
  const copyMs = performance.now() - started

  const checked = checkCopy(partial, options.pages)
  if (!checked.ok) {
    removeWithSidecars(partial)
    throw new BackupError(
      `The backup of ${databasePath} was deleted because ${checked.problem}. Older backups are untouched.`,
    )
  }
  fsyncPath(partial)
  renameSync(partial, path)
  fsyncPath(directory)

  const backups = listBackups(databasePath, directory)
  const deleted = backups.slice(0, Math.max(0, backups.length - keep))
  for (const old of deleted) rmSync(old, { force: true })
  return { path, bytes: statSync(path).size, copyMs, check: checked.check, deleted }
}

/**
 * Opens the live database and takes SQLite's exclusive lock on it: the open connection, or
 * `busy` when another connection has the database open. In WAL mode every connection keeps a
 * shared lock on the file for as long as it is open (idle or not), and the operating system
 * drops it when the process ends (even by kill -9), so this sees a running server, `npm run
 * jobs` or a sqlite3 shell, and no stale pid file can fool it. `unreadable`: the file is not a
 * database SQLite can open (the damage a restore is for), which no server can be using.
 */
function lockExclusively(
  databasePath: string,
  waitMs: number,
): Database.Database | 'busy' | 'unreadable' {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(databasePath, { fileMustExist: true, timeout: waitMs })
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.exec('BEGIN EXCLUSIVE')
    sqlite.exec('COMMIT')
    return sqlite
  } catch (error) {
    sqlite?.close()
    return (error as { code?: string }).code === 'SQLITE_BUSY' ? 'busy' : 'unreadable'
  }
}

/** Whether another connection (a running server, `npm run jobs`) has the database open. */
export function databaseInUse(databasePath: string, waitMs = 500): boolean {
  if (!existsSync(databasePath)) return false
  const lock = lockExclusively(databasePath, waitMs)
  if (typeof lock === 'string') return lock === 'busy'
  lock.close()
  return false
}

export type RestoreReport = {
  /** Where the database that was in place is kept (null when there was none). */
  keptAside: string | null
  check: CopyCheck
  ms: number
}

const inUse = (databasePath: string) =>
  new BackupError(
    `${databasePath} is in use (a server or another process has it open). Stop the server (and npm run jobs --watch), then run the restore again. Nothing was changed.`,
  )

/**
 * Puts the backup `from` in place of the database at `databasePath`. Refuses while another
 * process has the database open. Copies the backup beside the database and checks the copy
 * (pages, foreign keys, audit chain) before touching the database; then checkpoints the current
 * database (so the file kept aside is complete), keeps it aside as
 * `<database>.before-restore-<stamp>` and renames the checked copy over it (one atomic step).
 */
export function restoreDatabase(options: {
  databasePath: string
  from: string
  now: Date
  pages?: PageCheck
  waitMs?: number
}): RestoreReport {
  const { databasePath, from, now } = options
  const waitMs = options.waitMs ?? 500
  const started = performance.now()
  if (!existsSync(from) || !statSync(from).isFile())
    throw new BackupError(`There is no backup file at ${from}. Nothing was changed.`)
  if (resolve(from) === resolve(databasePath))
    throw new BackupError('The backup is the database itself. Nothing was changed.')
  if (databaseInUse(databasePath, waitMs)) throw inUse(databasePath)
  const aside = `${databasePath}.before-restore-${stampOf(now)}`
  if (existsSync(aside))
    throw new BackupError(
      `${aside} already exists; run the restore again in a second. Nothing was changed.`,
    )

  mkdirSync(dirname(resolve(databasePath)), { recursive: true })
  const staged = `${databasePath}.restoring-${stampOf(now)}`
  removeWithSidecars(staged)
  copyFileSync(from, staged)
  const checked = checkCopy(staged, options.pages)
  if (!checked.ok) {
    removeWithSidecars(staged)
    throw new BackupError(`${from} was refused because ${checked.problem}. Nothing was changed.`)
  }
  fsyncPath(staged)

  let keptAside: string | null = null
  if (existsSync(databasePath)) {
    const lock = lockExclusively(databasePath, waitMs)
    if (lock === 'busy') {
      removeWithSidecars(staged)
      throw inUse(databasePath)
    }
    if (lock !== 'unreadable') {
      // The last commits may still be in the -wal file: write them into the database, so the
      // file kept aside is the whole database. Closing (the last connection) deletes the -wal.
      lock.pragma('wal_checkpoint(TRUNCATE)')
      lock.close()
    }
    keptAside = aside
    // A second name for the current file, then the copy renamed over the first: at no moment
    // is there no database at databasePath.
    linkSync(databasePath, keptAside)
    // A -wal left beside a database SQLite could not open goes aside with it, never to the copy.
    if (existsSync(`${databasePath}-wal`)) renameSync(`${databasePath}-wal`, `${keptAside}-wal`)
  }
  rmSync(`${databasePath}-shm`, { force: true })
  renameSync(staged, databasePath)
  fsyncPath(dirname(resolve(databasePath)))
  return { keptAside, check: checked.check, ms: performance.now() - started }
}
