// Migration 0019 (decision 26) on a database that holds data: leads already in nurture enter the
// Nurture pool from the case that sent them there, the "already working this account" reason
// names the lead being worked, and an ignored case whose lead moved on no longer holds the lead.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-lifecycle-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const at = Date.UTC(2026, 10, 27, 12, 0, 0)
const day = 86_400_000

it('fills the Nurture pool from the verdicts that sent leads there, and keeps every row', () => {
  const { db, migrate } = databaseBefore(dir, '0019')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES (1, 'r@x.test', 'R', 'h', 0);
    INSERT INTO reasons (id, label, position, created_at) VALUES (100, 'Already working this account (ours)', 100, 0);
    INSERT INTO leads (id, external_id, first_name, owner_id, status, handed_over_at, created_at, updated_at) VALUES
      (7, 'A-7', 'Sofia', 1, 'nurture', ${at}, ${at}, ${at}),
      (8, 'A-8', 'Marco', 1, 'disqualified', ${at}, ${at}, ${at}),
      (9, 'A-9', 'Ines', 1, 'new', ${at}, ${at}, ${at});
    INSERT INTO cases (id, lead_id, kind, status, reason_id, filed_by, rep_id, lead_snapshot, opened_at,
        review_due_at, verdict, disposition, decided_at) VALUES
      (3, 7, 'rejected', 'decided', 100, 1, 1, '{"title":"Intern"}', ${at}, ${at + day}, 'does_not_meet', 'disqualified', ${at + day}),
      (4, 7, 'ignored', 'decided', NULL, NULL, 1, '{"title":"Analyst"}', ${at + 2 * day}, ${at + 3 * day}, 'does_not_meet', 'nurture', ${at + 3 * day}),
      (5, 8, 'ignored', 'decided', NULL, NULL, 1, '{}', ${at}, ${at + day}, 'does_not_meet', 'disqualified', ${at + day});
  `)
  const before = sqlite.prepare('SELECT id, status FROM leads ORDER BY id').all()

  migrate()

  const rows = (query: string) => sqlite.prepare(query).all()
  expect(
    rows('SELECT lead_id, case_id, started_at, snapshot, ended_at FROM nurture_stays'),
  ).toEqual([
    {
      lead_id: 7,
      case_id: 4,
      started_at: at + 3 * day,
      snapshot: '{"title":"Analyst"}',
      ended_at: null,
    },
  ])
  expect(rows('SELECT id, status FROM leads ORDER BY id')).toEqual(before)
  expect(rows('SELECT id, names_working_lead FROM reasons WHERE id = 100')).toEqual([
    { id: 100, names_working_lead: 1 },
  ])
  expect(
    rows(`SELECT after_contact, reengaged, lead_moved_on, working_lead_id FROM cases WHERE id = 3`),
  ).toEqual([{ after_contact: 0, reengaged: 0, lead_moved_on: 0, working_lead_id: null }])
  // One open case holds a lead; an ignored case whose lead moved on to the next rep does not.
  sqlite.exec(`INSERT INTO cases (lead_id, kind, rep_id, lead_snapshot, opened_at, review_due_at, lead_moved_on)
      VALUES (9, 'ignored', 1, '{}', ${at}, ${at + day}, 1)`)
  sqlite.exec(`INSERT INTO cases (lead_id, kind, reason_id, filed_by, rep_id, lead_snapshot, opened_at, review_due_at)
      VALUES (9, 'rejected', 100, 1, 1, '{}', ${at}, ${at + day})`)
  expect(() =>
    sqlite.exec(`INSERT INTO cases (lead_id, kind, rep_id, lead_snapshot, opened_at, review_due_at)
        VALUES (9, 'ignored', 1, '{}', ${at}, ${at + day})`),
  ).toThrow(/UNIQUE/)
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
  expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
})
