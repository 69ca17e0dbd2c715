import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { indexNewLeads } from '~/domain/leads/search-index.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from '~db/connection'

const dirs: string[] = []
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-db-'))
  dirs.push(dir)
  return dir
}
/** A copy of the migrations whose journal stops before `tag`; `restoreAll` lists the rest again. */
function migrationsBefore(tag: string) {
  const folder = join(tempDir(), 'migrations')
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const full = readFileSync(journalPath, 'utf8')
  const journal = JSON.parse(full)
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag)
  writeFileSync(journalPath, JSON.stringify(journal))
  return { folder, restoreAll: () => writeFileSync(journalPath, full) }
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('database connection', () => {
  it('sets WAL, synchronous=FULL, foreign keys on and a busy timeout', () => {
    const db = openDatabase(join(tempDir(), 'a.db'))
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(30_000)
  })

  it('prepares an up-to-date database without the write lock, while another connection holds it', () => {
    const path = join(tempDir(), 'g.db')
    const writer = openDatabase(path)
    expect(prepareDatabase(writer)).toMatchObject({ indexed: 0, sealed: 0 })
    writer.$client.exec('BEGIN IMMEDIATE')
    const other = openDatabase(path)
    // Fail at once instead of waiting, should preparing ask for the lock.
    other.$client.pragma('busy_timeout = 0')
    expect(prepareDatabase(other)).toEqual({ migrated: 0, indexed: 0, sealed: 0 })
    writer.$client.exec('ROLLBACK')
    other.$client.close()
    writer.$client.close()
  })

  it('rolls back a migration that leaves a broken reference, and says so', () => {
    const folder = join(tempDir(), 'migrations')
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    const tag = '9999_orphan_role'
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag })
    writeFileSync(journalPath, JSON.stringify(journal))
    writeFileSync(
      join(folder, `${tag}.sql`),
      "INSERT INTO user_roles (user_id, role) VALUES (42, 'rep');",
    )
    const db = openDatabase(join(tempDir(), 'h.db'))
    expect(migrateDatabase(db)).toBe(journal.entries.length - 1)
    expect(() => migrateDatabase(db, folder)).toThrowError(/1 foreign-key violation/)
    expect(db.$client.prepare('SELECT count(*) AS n FROM user_roles').get()).toEqual({ n: 0 })
    expect(db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
      n: journal.entries.length - 1,
    })
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('keeps the audit trail append-only', () => {
    const db = openDatabase(join(tempDir(), 'b.db'))
    migrateDatabase(db)
    db.$client
      .prepare(
        "INSERT INTO audit_events (at, action, subject_type, subject_id, hash) VALUES (1, 'x', 'y', 'z', 'h')",
      )
      .run()
    expect(() => db.$client.prepare("UPDATE audit_events SET action = 'forged'").run()).toThrow(
      'append-only',
    )
    expect(() => db.$client.prepare('DELETE FROM audit_events').run()).toThrow('append-only')
  })

  it('is idempotent: a second migration run changes nothing', () => {
    const db = openDatabase(join(tempDir(), 'c.db'))
    migrateDatabase(db)
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
    migrateDatabase(db)
    expect(
      db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
    ).toEqual(tables)
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('a drizzle-kit table rebuild on a database with data keeps the child rows', () => {
    // Copy the real migrations and add a rebuild of `users` shaped the way drizzle-kit writes
    // it (PRAGMA foreign_keys=OFF; copy into __new_users; drop; rename). Inside the migrator's
    // transaction that PRAGMA is a no-op, so without switching foreign keys off around the
    // migrator, dropping `users` would fail or cascade into user_roles, sessions and audit rows.
    const folder = join(tempDir(), 'migrations')
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    const tag = '9999_rebuild_users'
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: Date.now(),
      tag,
      breakpoints: true,
    })
    writeFileSync(journalPath, JSON.stringify(journal))
    writeFileSync(
      join(folder, `${tag}.sql`),
      [
        'PRAGMA foreign_keys=OFF;',
        'CREATE TABLE `__new_users` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `email` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `seat` text, `is_chair` integer DEFAULT false NOT NULL, `active` integer DEFAULT true NOT NULL, `must_change_password` integer DEFAULT false NOT NULL, `created_at` integer NOT NULL, `nickname` text);',
        'INSERT INTO `__new_users`("id", "email", "name", "password_hash", "seat", "is_chair", "active", "must_change_password", "created_at") SELECT "id", "email", "name", "password_hash", "seat", "is_chair", "active", "must_change_password", "created_at" FROM `users`;',
        'DROP TABLE `users`;',
        'ALTER TABLE `__new_users` RENAME TO `users`;',
        'PRAGMA foreign_keys=ON;',
      ].join('\n--> statement-breakpoint\n'),
    )

    const db = openDatabase(join(tempDir(), 'd.db'))
    migrateDatabase(db) // the real migrations only
    const sqlite = db.$client
    sqlite
      .prepare("INSERT INTO users (email, name, password_hash) VALUES ('a@x.test', 'A', 'h')")
      .run()
    sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'rep')").run()
    sqlite.prepare("INSERT INTO sessions (id, user_id, last_used_at) VALUES ('s1', 1, 0)").run()
    sqlite
      .prepare(
        "INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, hash) VALUES (0, 1, 'user.created', 'user', '1', 'h')",
      )
      .run()

    migrateDatabase(db, folder)

    expect(sqlite.prepare('SELECT nickname FROM users').all()).toEqual([{ nickname: null }])
    expect(sqlite.prepare('SELECT count(*) AS n FROM user_roles').get()).toEqual({ n: 1 })
    expect(sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 })
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual({ n: 1 })
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('the sales-side migrations give leads already waiting a clock and a marketer, keeping every row', () => {
    // Migrate up to 0006 (before the sales side), fill in data, then apply the rest.
    const { folder, restoreAll } = migrationsBefore('0007')

    const db = openDatabase(join(tempDir(), 'e.db'))
    migrateDatabase(db, folder)
    const sqlite = db.$client
    sqlite.exec(`
      INSERT INTO users (id, email, name, password_hash) VALUES
        (1, 'm@x.test', 'M', 'h'), (2, 'r@x.test', 'R', 'h'), (3, 'a@x.test', 'A', 'h');
      INSERT INTO user_roles (user_id, role) VALUES (1, 'marketer'), (2, 'rep'), (3, 'admin');
      INSERT INTO leads (id, external_id, owner_id, status, handed_over_at, created_by, created_at, updated_at) VALUES
        (1, 'A', 2, 'new', 1000, 1, 0, 0),
        (2, 'B', 2, 'working', 1000, 1, 0, 0),
        (3, 'C', 2, 'new', 2000, 3, 0, 0);
    `)
    restoreAll()
    migrateDatabase(db, folder)

    expect(
      sqlite
        .prepare(
          'SELECT id, status, marketer_id, clock_started_at, follow_up_due_at FROM leads ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: 1,
        status: 'new',
        marketer_id: 1,
        clock_started_at: 1000,
        follow_up_due_at: 1000 + 5 * 86_400_000,
      },
      { id: 2, status: 'working', marketer_id: 1, clock_started_at: null, follow_up_due_at: null },
      {
        id: 3,
        status: 'new',
        marketer_id: null,
        clock_started_at: 2000,
        follow_up_due_at: 2000 + 5 * 86_400_000,
      },
    ])
    expect(sqlite.prepare('SELECT count(*) AS n FROM reasons').get()).toEqual({ n: 10 })
    expect(sqlite.prepare('SELECT count(*) AS n FROM user_roles').get()).toEqual({ n: 3 })
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('migration 0015 rebuilds the search index with prefixes, keeping every lead findable once', () => {
    // Migrate up to 0014, write leads (some indexed, one still waiting), then apply 0015.
    const { folder, restoreAll } = migrationsBefore('0015')

    const db = openDatabase(join(tempDir(), 'f.db'))
    migrateDatabase(db, folder)
    const sqlite = db.$client
    sqlite.exec(`
      INSERT INTO users (id, email, name, password_hash) VALUES (1, 'r@x.test', 'R', 'h');
      INSERT INTO leads (id, external_id, first_name, last_name, company, owner_id, status, handed_over_at, created_at, updated_at) VALUES
        (1, 'A-1', 'Sofia', 'Brookman', 'Initech', 1, 'working', 1000, 0, 0),
        (2, 'A-2', 'Sam', 'Stone', 'Globex', 1, 'working', 2000, 0, 0);
    `)
    indexNewLeads(db)
    sqlite.exec(`
      INSERT INTO leads (id, external_id, first_name, last_name, company, owner_id, status, handed_over_at, created_at, updated_at) VALUES
        (3, 'A-3', 'Sofia', 'Stein', 'Hooli', 1, 'new', 3000, 0, 0);
    `)
    expect(sqlite.prepare('SELECT id FROM leads_search_pending').all()).toEqual([{ id: 3 }])
    restoreAll()
    migrateDatabase(db, folder)

    const found = (expression: string) =>
      (
        sqlite
          .prepare('SELECT rowid FROM leads_search WHERE leads_search MATCH ? ORDER BY rowid')
          .all(expression) as { rowid: number }[]
      ).map((row) => row.rowid)
    expect(found('"sofia"')).toEqual([1, 3])
    expect(found('"s"*')).toEqual([1, 2, 3])
    expect(found('"sofia" "b"*')).toEqual([1])
    expect(found('"st"*')).toEqual([2, 3])
    expect(sqlite.prepare('SELECT count(*) AS n FROM leads_search_pending').get()).toEqual({ n: 0 })
    expect(
      (
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'leads_search'").get() as {
          sql: string
        }
      ).sql,
    ).toContain("prefix='1 2'")
    // FTS5's own check that the index holds exactly what `leads` holds (it throws otherwise).
    sqlite.exec("INSERT INTO leads_search(leads_search, rank) VALUES ('integrity-check', 1)")
    // The triggers still write to the rebuilt table.
    sqlite.exec("UPDATE leads SET last_name = 'Quill' WHERE id = 1")
    expect(found('"brookman"')).toEqual([])
    expect(found('"quill"')).toEqual([1])
  })
})
