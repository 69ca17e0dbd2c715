// Migration 0020 (issue 16) on a database that holds data: the report indexes are rebuilt with
// the stage and hand-over columns at their end, two partial indexes are added, and every row
// stays as it was.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-report-stages-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const at = Date.UTC(2026, 10, 27, 12, 0, 0)
const day = 86_400_000

it('rebuilds the report indexes with after_contact and reengaged, and keeps every row', () => {
  const { db, migrate } = databaseBefore(dir, '0020')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES (1, 'r@x.test', 'R', 'h', 0);
    INSERT INTO reasons (id, label, position, created_at) VALUES (100, 'No budget (ours)', 100, 0);
    INSERT INTO leads (id, external_id, owner_id, status, handed_over_at, created_at, updated_at,
        converted_at, reengaged) VALUES
      (7, 'A-7', 1, 'converted', ${at}, ${at}, ${at}, ${at + day}, 0),
      (8, 'A-8', 1, 'in_review', ${at}, ${at}, ${at}, NULL, 1);
    INSERT INTO follow_ups (lead_id, rep_id, kind, started_at, due_at, acted_at, action, reengaged) VALUES
      (7, 1, 'hand_over', ${at}, ${at + 2 * day}, ${at + day}, 'accepted', 0),
      (8, 1, 'hand_over', ${at}, ${at + 2 * day}, ${at + day}, 'rejected', 1);
    INSERT INTO cases (id, lead_id, kind, reason_id, filed_by, rep_id, lead_snapshot, opened_at,
        review_due_at, after_contact, reengaged) VALUES
      (3, 8, 'rejected', 100, 1, 1, '{}', ${at + day}, ${at + 8 * day}, 1, 1);
  `)
  const all = (query: string) => sqlite.prepare(query).all()
  const before = ['cases', 'follow_ups', 'leads'].map((t) => all(`SELECT * FROM ${t} ORDER BY id`))

  migrate()

  // Every row as it was, in the columns it had (later migrations add columns).
  const kept = ['cases', 'follow_ups', 'leads'].map((t, i) =>
    (all(`SELECT * FROM ${t} ORDER BY id`) as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(
        Object.keys((before[i] as Record<string, unknown>[])[0] ?? {}).map((k) => [k, row[k]]),
      ),
    ),
  )
  expect(kept).toEqual(before)
  const columns = (index: string) =>
    (all(`PRAGMA index_info(${index})`) as { name: string }[]).map((c) => c.name)
  for (const index of [
    'cases_report_opened_idx',
    'cases_report_rep_idx',
    'cases_report_reason_idx',
    'cases_report_source_idx',
    'cases_report_campaign_idx',
    'cases_report_lead_idx',
  ])
    expect(columns(index).slice(-2), index).toEqual(['after_contact', 'reengaged'])
  for (const index of ['follow_ups_report_rep_idx', 'follow_ups_report_lead_idx'])
    expect(columns(index).at(-1), index).toBe('reengaged')
  expect(columns('follow_ups_reengaged_idx')).toEqual(['started_at', 'lead_id'])
  expect(columns('leads_converted_idx')).toEqual([
    'owner_id',
    'converted_at',
    'source',
    'campaign',
    'reengaged',
    'history',
  ])
  // The partial indexes hold only what they are for.
  const plan = (query: string) =>
    (all(`EXPLAIN QUERY PLAN ${query}`) as { detail: string }[]).map((r) => r.detail).join('\n')
  expect(
    sqlite
      .prepare(
        "SELECT lead_id FROM follow_ups INDEXED BY follow_ups_reengaged_idx WHERE kind = 'hand_over' AND reengaged = 1 AND started_at >= 0",
      )
      .all(),
  ).toEqual([{ lead_id: 8 }])
  expect(
    plan(
      'SELECT count(*) FROM leads WHERE owner_id = 1 AND converted_at IS NOT NULL AND converted_at >= 0',
    ),
  ).toMatch(/USING COVERING INDEX leads_converted_idx/)
})
