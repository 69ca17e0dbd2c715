// Migration 0029 (saved views and the review queue's opened-at index) on a database that
// already holds people, leads and cases.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { saveView } from '~/domain/views/save-view.server'
import { viewsOf } from '~/domain/views/views-of.server'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-views-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('adds saved views and the open-cases index to a database with data, keeping every row', () => {
  const { db, migrate } = databaseBefore(dir, '0029')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES
      (1, 'm@x.test', 'M', 'h', 0), (2, 'r@x.test', 'R', 'h', 0);
    INSERT INTO user_roles (user_id, role) VALUES (1, 'marketer'), (2, 'rep');
    INSERT INTO leads (id, external_id, owner_id, status, handed_over_at, created_by, created_at, updated_at)
      VALUES (1, 'A', 2, 'in_review', 1000, 1, 0, 0), (2, 'B', 2, 'in_review', 1000, 1, 0, 0);
    INSERT INTO cases (id, lead_id, kind, rep_id, marketer_id, lead_snapshot, opened_at, review_due_at, status)
      VALUES (1, 1, 'ignored', 2, 1, '{}', 2000, 3000, 'in_review'),
             (2, 2, 'ignored', 2, 1, '{}', 1500, 3500, 'in_review');
  `)
  const count = (table: string) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const before = ['users', 'leads', 'cases'].map(count)

  migrate()

  expect(['users', 'leads', 'cases'].map(count)).toEqual(before)
  expect(count('saved_views')).toBe(0)
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
  // The new index is there, and the queue's opened-at order reads it without sorting.
  const plan = sqlite
    .prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE status = 'in_review' ORDER BY opened_at, id",
    )
    .all() as { detail: string }[]
  expect(plan.map((p) => p.detail).join('\n')).toMatch(/cases_open_opened_idx \(status=\?\)/)
  // A person's views work on the migrated file, one name per list.
  const now = new Date(5000)
  const input = { list: 'cases' as const, name: 'Ignored', query: 'stage=ignored' }
  expect(saveView(db, 1, input, now)).toMatchObject({ ok: true })
  expect(saveView(db, 1, input, now)).toMatchObject({
    ok: false,
    fieldErrors: { name: [expect.any(String)] },
  })
  expect(viewsOf(db, 1, 'cases')).toEqual([{ id: 1, name: 'Ignored', query: 'stage=ignored' }])
  db.$client.close()
})
