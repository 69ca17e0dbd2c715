// Backup and restore (decision 23): a backup taken while another process writes through the
// app's use cases is one consistent state, and restores to a database whose counts and audit
// chain are the backup's; restore refuses over a database another process has open, refuses a
// tampered or unreadable file without changing anything, and backups keep the newest N.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditTrail } from '~/platform/audit.server'
import {
  BackupError,
  backupDatabase,
  databaseInUse,
  listBackups,
  restoreDatabase,
} from '~/platform/backup.server'
import { openDatabase } from '~db/connection'
import { reasons } from '~db/schema'
import { type CaseWorld, caseWorld } from '../support/case-world'

const AT = new Date('2026-11-27T17:40:00Z')
let w: CaseWorld
let dir: string
beforeEach(() => {
  w = caseWorld()
  dir = mkdtempSync(join(tmpdir(), 'leadcourt-backup-'))
})
afterEach(() => {
  w.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Reads the database at `path` on a connection of its own, closed afterwards. */
function read<T>(path: string, fn: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(path, { fileMustExist: true })
  try {
    return fn(sqlite)
  } finally {
    sqlite.close()
  }
}
const count = (sqlite: Database.Database, sql: string) =>
  sqlite.prepare(sql).pluck().get() as number
/** Rows per table, as the backup records them. */
const countsOf = (path: string) =>
  read(path, (sqlite) =>
    Object.fromEntries(
      (
        sqlite
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
          )
          .pluck()
          .all() as string[]
      ).map((t) => [t, count(sqlite, `SELECT count(*) FROM "${t}"`)]),
    ),
  )
const loadLeads = (path: string) =>
  read(path, (s) => count(s, "SELECT count(*) FROM leads WHERE external_id LIKE 'LOAD-%'"))
const loadCases = (path: string) =>
  read(path, (s) =>
    count(
      s,
      "SELECT count(*) FROM cases JOIN leads ON leads.id = cases.lead_id WHERE leads.external_id LIKE 'LOAD-%'",
    ),
  )
const chainOf = (path: string) => {
  const db = openDatabase(path)
  try {
    return verifyAuditTrail(db)
  } finally {
    db.$client.close()
  }
}

/** Starts the writer (tests/support/backup-child.ts) on the world's database. */
function writer(): { proc: ChildProcess; rounds: (n: number) => Promise<number> } {
  const reason = w.db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
  const proc = spawn(
    'node',
    [
      '--import',
      'tsx',
      'tests/support/backup-child.ts',
      w.path,
      String(w.id.dana),
      String(w.id.maya),
      String(reason?.id),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let wrote = 0
  let err = ''
  const waiting: { n: number; resolve: (n: number) => void }[] = []
  proc.stderr?.on('data', (d) => {
    err += d
  })
  proc.stdout?.on('data', (d: Buffer) => {
    for (const m of d.toString().matchAll(/wrote (\d+)/g)) wrote = Number(m[1])
    for (const wait of waiting.splice(0)) {
      if (wrote >= wait.n) wait.resolve(wrote)
      else waiting.push(wait)
    }
  })
  return {
    proc,
    /** Waits until the writer has written `n` rounds (counted from its start). */
    rounds: (n) =>
      new Promise((resolve, reject) => {
        if (wrote >= n) return resolve(wrote)
        waiting.push({ n, resolve })
        proc.on('exit', () => reject(new Error(`The writer stopped: ${err}`)))
      }),
  }
}
async function kill(proc: ChildProcess) {
  const exited = new Promise((resolve) => proc.on('exit', (_c, signal) => resolve(signal)))
  proc.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
}

/** Changes an audit entry's content in the file, as someone with access to the file could. */
function tamperWithAudit(path: string) {
  read(path, (sqlite) => {
    const trigger = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'")
      .pluck()
      .get() as string
    sqlite.exec('DROP TRIGGER audit_events_no_update')
    sqlite.exec('UPDATE audit_events SET at = at + 1 WHERE id = (SELECT max(id) FROM audit_events)')
    sqlite.exec(trigger)
  })
}

describe('a backup under write load', () => {
  it('is one consistent state, and restores to the same counts and an intact audit chain', async () => {
    const load = writer()
    w.db.$client.close() // Only the writer and the backup use the live database.
    const before = await load.rounds(20)
    const backup = await backupDatabase({ databasePath: w.path, directory: dir, keep: 3, now: AT })
    // The writer went on while the backup was taken and after it.
    const during = await load.rounds(before + 20)
    expect(backup.path).toBe(join(dir, 'cases-2026-11-27T17-40-00Z.db'))
    // It holds sessions and maybe the session secret: readable by its owner only.
    expect(statSync(backup.path).mode & 0o777).toBe(0o600)

    // Restore refuses while another process (the writer, as a server would) has it open.
    expect(databaseInUse(w.path)).toBe(true)
    expect(() => restoreDatabase({ databasePath: w.path, from: backup.path, now: AT })).toThrow(
      /is in use .* Stop the server .* Nothing was changed\./,
    )
    await kill(load.proc)
    const after = loadLeads(w.path)
    expect(after).toBeGreaterThanOrEqual(during)

    // Restored into another path: exactly the backup's rows, table by table.
    const target = join(dir, 'restored', 'leadcourt.db')
    const restored = restoreDatabase({ databasePath: target, from: backup.path, now: AT })
    expect(restored.keptAside).toBeNull()
    expect(countsOf(target)).toEqual(backup.check.counts)
    expect(chainOf(target)).toEqual({ ok: true, entries: backup.check.auditEntries, members: 0 })
    // One state: every lead the writer created in it was rejected in it (same transaction),
    // taken after the writer's first rounds and before its last.
    const leadsThen = loadLeads(target)
    expect(loadCases(target)).toBe(leadsThen)
    expect(leadsThen).toBeGreaterThanOrEqual(before)
    expect(leadsThen).toBeLessThan(after)
    expect(backup.check.counts.leads).toBe(leadsThen + 1) // and caseWorld's own lead

    // Now that no process has it open, the restore goes over the live database and keeps it aside.
    const over = restoreDatabase({ databasePath: w.path, from: backup.path, now: AT })
    expect(over.keptAside).toBe(`${w.path}.before-restore-2026-11-27T17-40-00Z`)
    expect(loadLeads(w.path)).toBe(leadsThen)
    expect(loadLeads(over.keptAside as string)).toBe(after)
    expect(existsSync(`${w.path}-wal`)).toBe(false)
  }, 120_000)
})

describe('restore refuses', () => {
  const listing = () => readdirSync(join(w.path, '..')).sort()

  it('a backup whose audit trail was changed, and changes nothing', async () => {
    const backup = await backupDatabase({ databasePath: w.path, directory: dir, keep: 3, now: AT })
    const tampered = join(dir, 'tampered.db')
    copyFileSync(backup.path, tampered)
    tamperWithAudit(tampered)
    w.db.$client.close()
    const files = listing()
    const counts = countsOf(w.path)
    expect(() => restoreDatabase({ databasePath: w.path, from: tampered, now: AT })).toThrow(
      /tampered\.db was refused because the audit trail is broken at entry \d+: its content or the entry before it was changed.*Nothing was changed\./,
    )
    expect(listing()).toEqual(files)
    expect(countsOf(w.path)).toEqual(counts)
  })

  it('a file that is not a database', () => {
    const junk = join(dir, 'junk.db')
    writeFileSync(junk, 'not a database, only some text '.repeat(200))
    w.db.$client.close()
    const files = listing()
    expect(() => restoreDatabase({ databasePath: w.path, from: junk, now: AT })).toThrow(
      /junk\.db was refused because it could not be read as a database \(file is not a database\)/,
    )
    expect(listing()).toEqual(files)
  })

  it('from the command line, with exit code 1 and the reason, over a database in use', async () => {
    const backup = await backupDatabase({ databasePath: w.path, directory: dir, keep: 3, now: AT })
    // This test's own connection is open on w.path, as a server's would be.
    const run = promisify(execFile)(
      'node',
      ['--import', 'tsx', 'scripts/restore.ts', backup.path],
      {
        env: { ...process.env, DATABASE_PATH: w.path, NODE_ENV: 'test' },
      },
    )
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is in use .* Nothing was changed\./),
    })
  }, 60_000)
})

describe('backups', () => {
  it('keep the newest N; a copy that fails its check is deleted and the older ones stay', async () => {
    const at = (minutes: number) => new Date(AT.getTime() + minutes * 60_000)
    for (const minutes of [0, 60, 120, 180]) {
      await backupDatabase({ databasePath: w.path, directory: dir, keep: 3, now: at(minutes) })
    }
    const kept = [
      'cases-2026-11-27T18-40-00Z.db',
      'cases-2026-11-27T19-40-00Z.db',
      'cases-2026-11-27T20-40-00Z.db',
    ]
    expect(listBackups(w.path, dir).map((p) => p.split('/').pop())).toEqual(kept)

    tamperWithAudit(w.path)
    await expect(
      backupDatabase({ databasePath: w.path, directory: dir, keep: 3, now: at(240) }),
    ).rejects.toThrow(
      new BackupError(
        `The backup of ${w.path} was deleted because the audit trail is broken at entry 2: its content or the entry before it was changed, removed or inserted after it was written. Older backups are untouched.`,
      ),
    )
    expect(readdirSync(dir).sort()).toEqual(kept)
  })

  it('from the command line: named by UTC time, beside the database by default', async () => {
    const { stdout } = await promisify(execFile)(
      'node',
      ['--import', 'tsx', 'scripts/backup.ts', '--keep', '2'],
      { env: { ...process.env, DATABASE_PATH: w.path, NODE_ENV: 'test' } },
    )
    expect(stdout).toMatch(
      /^Backed up .*cases\.db to .*\/backups\/cases-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db \(.* MB\): copied in .* s, checked in .* s \(quick check, foreign keys, audit chain of 2 entries\)\.\n$/,
    )
    expect(listBackups(w.path, join(w.path, '..', 'backups'))).toHaveLength(1)
  }, 60_000)
})
