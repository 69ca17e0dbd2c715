// Migration 0018 (history leads, imported cases, import options) rebuilds `leads` and `cases`
// for their CHECK constraints: on a database that holds leads, cases and a search index, every
// row, id and link is kept, and the search triggers dropped with the old table come back.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { indexNewLeads } from '~/domain/leads/search-index.server'
import { databaseBefore } from '../support/migrations'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-crm-history-migration-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const at = Date.UTC(2026, 10, 27, 12, 0, 0)

it('keeps every lead and case, restores search, and accepts the new statuses', () => {
  const { db, migrate } = databaseBefore(dir, '0018')
  const sqlite = db.$client
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES (1, 'r@x.test', 'R', 'h', 0);
    INSERT INTO reasons (id, label, position, created_at) VALUES (100, 'Imported reason', 100, 0);
    INSERT INTO leads (id, external_id, first_name, company, owner_id, status, handed_over_at,
        created_at, updated_at, follow_up_due_at) VALUES
      (7, 'A-7', 'Sofia', 'Brightline', 1, 'in_review', ${at}, ${at}, ${at}, NULL),
      (9, 'A-9', 'Marco', 'Northwind', 1, 'new', ${at}, ${at}, ${at}, ${at + 3600_000});
    INSERT INTO cases (id, lead_id, kind, reason_id, filed_by, rep_id, lead_snapshot, opened_at,
        review_due_at) VALUES (3, 7, 'rejected', 100, 1, 1, '{}', ${at}, ${at + 86400_000});
  `)
  indexNewLeads(db)
  const rows = (query: string) => sqlite.prepare(query).all()
  const leadsBefore = rows('SELECT * FROM leads ORDER BY id')
  const casesBefore = rows('SELECT * FROM cases ORDER BY id')

  migrate()

  // (Later migrations add columns of their own: compare the columns 0018 knew.)
  const as0018 = (query: string, before: unknown[], added: string) => {
    const keys = [...Object.keys(before[0] as object), added]
    return rows(query).map((row) =>
      Object.fromEntries(keys.map((key) => [key, (row as Record<string, unknown>)[key]])),
    )
  }
  expect(as0018('SELECT * FROM leads ORDER BY id', leadsBefore, 'history')).toEqual(
    leadsBefore.map((lead) => ({ ...(lead as object), history: 0 })),
  )
  expect(as0018('SELECT * FROM cases ORDER BY id', casesBefore, 'taken_up_at')).toEqual(
    casesBefore.map((c) => ({ ...(c as object), taken_up_at: null })),
  )
  const search = (text: string) =>
    rows(`SELECT rowid AS id FROM leads_search WHERE leads_search MATCH '${text}' ORDER BY rowid`)
  expect(search('sofia')).toEqual([{ id: 7 }])
  // The triggers are back: an update re-indexes, an insert waits to be indexed.
  sqlite.exec(`UPDATE leads SET first_name = 'Sofie' WHERE id = 7`)
  expect(search('sofie')).toEqual([{ id: 7 }])
  sqlite.exec(`INSERT INTO leads (id, external_id, first_name, owner_id, status, handed_over_at,
      created_at, updated_at, history) VALUES (11, 'A-11', 'Ines', 1, 'rejected', ${at}, ${at}, ${at}, 1)`)
  expect(rows('SELECT id FROM leads_search_pending')).toEqual([{ id: 11 }])
  indexNewLeads(db)
  expect(search('ines')).toEqual([{ id: 11 }])
  // An imported case has no verdict yet; any other closed status still needs one.
  sqlite.exec(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by, rep_id, lead_snapshot,
      opened_at, review_due_at) VALUES (11, 'rejected', 'imported', 100, 1, 1, '{}', ${at}, ${at})`)
  expect(() =>
    sqlite.exec(`INSERT INTO cases (lead_id, kind, status, rep_id, lead_snapshot, opened_at,
        review_due_at) VALUES (9, 'ignored', 'decided', 1, '{}', ${at}, ${at})`),
  ).toThrow(/cases_closed_has_verdict/)
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
  expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
  db.$client.close()
})
