// Migration 0017 (the failed sign-in tally, the sessions' creation index) on a database that
// already holds users, sessions and sign-in attempts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { recordFailedSignIn, takeFailedSignIns } from '~/platform/rate-limit.server'
import { findSessionUser, sessionKey, sessionLimits } from '~/platform/session.server'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-sign-in-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const DAY = 24 * 3600 * 1000
const now = Date.UTC(2026, 10, 27, 12, 0, 0)

it('adds the tally to users with data, keeps every row, and old sessions meet the new lifetime', () => {
  const { db, migrate } = databaseBefore(dir, '0017')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES
      (1, 'a@x.test', 'A', 'h', 0), (2, 'b@x.test', 'B', 'h', 0);
    INSERT INTO user_roles (user_id, role) VALUES (1, 'admin'), (2, 'rep');
    INSERT INTO sessions (id, user_id, created_at, last_used_at) VALUES
      ('${sessionKey('old')}', 1, ${now - 300 * DAY}, ${now - 30 * 60_000}),
      ('${sessionKey('new')}', 2, ${now - DAY}, ${now - 60_000});
    INSERT INTO sign_in_attempts (email, address, at, succeeded) VALUES
      ('a@x.test', '198.51.100.1', ${now - 60_000}, 0);
  `)
  const count = (table: string) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const tables = ['users', 'user_roles', 'sessions', 'sign_in_attempts']
  const before = tables.map(count)

  migrate()

  expect(tables.map(count)).toEqual(before)
  expect(
    sqlite
      .prepare(
        'SELECT id, failed_sign_ins, last_failed_sign_in_at, last_failed_sign_in_address FROM users ORDER BY id',
      )
      .all(),
  ).toEqual([
    { id: 1, failed_sign_ins: 0, last_failed_sign_in_at: null, last_failed_sign_in_address: null },
    { id: 2, failed_sign_ins: 0, last_failed_sign_in_at: null, last_failed_sign_in_address: null },
  ])
  // A session opened 300 days before the upgrade ends; a day-old one carries on.
  const limits = sessionLimits(30)
  expect(findSessionUser(db, 'old', new Date(now), limits)).toBeNull()
  expect(findSessionUser(db, 'new', new Date(now), limits)?.id).toBe(2)
  // The tally works on the migrated rows.
  recordFailedSignIn(db, 2, '198.51.100.7', new Date(now + 1000))
  expect(takeFailedSignIns(db, 2, new Date(now + 2000))).toEqual({
    count: 1,
    lastAt: new Date(now + 1000),
    lastAddress: '198.51.100.7',
  })
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
  db.$client.close()
})
