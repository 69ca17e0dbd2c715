// Migration 0016 (the outbox) on a database that already holds data.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { notificationsConsumer } from '~/domain/notifications/consumer.server'
import { appendEvent } from '~/platform/events/outbox.server'
import { drainOutbox } from '~/platform/jobs/runner.server'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-outbox-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('adds the outbox to a database with leads, cases and notifications, keeping every row', () => {
  const { db, migrate } = databaseBefore(dir, '0016')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES
      (1, 'm@x.test', 'M', 'h', 0), (2, 'r@x.test', 'R', 'h', 0);
    INSERT INTO user_roles (user_id, role) VALUES (1, 'marketer'), (2, 'rep');
    INSERT INTO leads (id, external_id, owner_id, status, handed_over_at, created_by, created_at, updated_at)
      VALUES (1, 'A', 2, 'in_review', 1000, 1, 0, 0);
    INSERT INTO cases (id, lead_id, kind, rep_id, marketer_id, lead_snapshot, opened_at, review_due_at)
      VALUES (1, 1, 'ignored', 2, 1, '{}', 2000, 3000);
    INSERT INTO notifications (user_id, kind, case_id, lead_id, created_at) VALUES (1, 'case_opened', 1, 1, 2000);
  `)
  const count = (table: string) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const before = ['users', 'leads', 'cases', 'notifications'].map(count)

  migrate()

  expect(['users', 'leads', 'cases', 'notifications'].map(count)).toEqual(before)
  expect([count('outbox'), count('outbox_consumers')]).toEqual([0, 0])
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
  // Events about the rows already there are handled like any other.
  appendEvent(
    db,
    'case.conceded',
    { caseId: 1, leadId: 1, repId: 2, by: 1, disposition: 'nurture' },
    new Date(4000),
  )
  expect(drainOutbox(db, [notificationsConsumer], new Date(5000))).toEqual({ notifications: 1 })
  expect(
    sqlite.prepare('SELECT user_id, kind, created_at FROM notifications ORDER BY id').all(),
  ).toEqual([
    { user_id: 1, kind: 'case_opened', created_at: 2000 },
    { user_id: 2, kind: 'conceded', created_at: 4000 },
  ])
  db.$client.close()
})
