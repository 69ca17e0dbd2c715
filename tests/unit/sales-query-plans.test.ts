import { beforeAll, describe, expect, it } from 'vitest'
import { casePageQuery } from '~/domain/api/records.server'
import { caseListQuery, reviewQueueQuery } from '~/domain/cases/lists.server'
import { queueQuery } from '~/domain/sales/rep-queue.server'
import { dueLeadsQuery } from '~/domain/sales/sweep.server'
import type { DB } from '~db/connection'
import { cases, leads, type Role, users } from '~db/schema'
import { memoryDb } from '../support/memory-db'

// The rep's queue, the sweep and the case list are read all day: each must come from an
// index, without scanning or sorting the tables.

let db: DB
type Viewer = { id: number; roles: Role[] }
const T0 = 1_780_000_000_000

beforeAll(() => {
  db = memoryDb()
  db.insert(users)
    .values(
      Array.from({ length: 4 }, (_, i) => ({
        email: `u${i}@x.test`,
        name: `U${i}`,
        passwordHash: 'x',
      })),
    )
    .run()
  const rows = Array.from({ length: 6000 }, (_, i) => {
    const waiting = i % 10 === 0
    return {
      externalId: `E${i}`,
      status: (waiting ? 'new' : i % 10 < 3 ? 'in_review' : 'working') as
        | 'new'
        | 'in_review'
        | 'working',
      ownerId: (i % 3) + 1,
      marketerId: 4,
      handedOverAt: new Date(T0 + i * 60_000),
      followUpDueAt: waiting ? new Date(T0 + i * 60_000 + 48 * 3_600_000) : null,
      source: `S${i % 20}`,
      createdAt: new Date(),
      updatedAt: new Date(),
    }
  })
  for (let i = 0; i < rows.length; i += 500)
    db.insert(leads)
      .values(rows.slice(i, i + 500))
      .run()
  const caseRows = rows
    .map((row, i) => ({ row, id: i + 1 }))
    .filter(({ row }) => row.status === 'in_review')
    .map(({ row, id }, n) => ({
      leadId: id,
      kind: (n % 4 ? 'rejected' : 'ignored') as 'rejected' | 'ignored',
      reasonId: null,
      filedBy: null,
      repId: row.ownerId,
      marketerId: n % 2 ? 4 : null,
      leadSnapshot: {},
      source: row.source,
      openedAt: new Date(row.handedOverAt.getTime() + 3_600_000),
      reviewDueAt: new Date(row.handedOverAt.getTime() + 5 * 24 * 3_600_000),
    }))
  // Ignored cases need no reason; give rejected ones a filer and reason to satisfy the check.
  db.$client.exec("INSERT INTO reasons (label, position, created_at) VALUES ('R', 1, 0)")
  for (let i = 0; i < caseRows.length; i += 500)
    db.insert(cases)
      .values(
        caseRows
          .slice(i, i + 500)
          .map((c) => (c.kind === 'rejected' ? { ...c, reasonId: 1, filedBy: c.repId } : c)),
      )
      .run()
  db.$client.exec('ANALYZE')
})

function plan(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL()
  return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n')
}

describe('sales query plans', () => {
  it('a rep’s queue reads the partial queue index in order, first page and deep page', () => {
    for (const after of [undefined, { due: T0 + 50 * 3_600_000, id: 120 }]) {
      const steps = plan(queueQuery(db, 2, after))
      expect(steps).toMatch(/SEARCH leads USING INDEX leads_queue_idx \(owner_id=\?/)
      expect(steps).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('the sweep reads only the leads that wait, from the partial due index', () => {
    const steps = plan(dueLeadsQuery(db, new Date(T0 + 100 * 3_600_000), 500))
    expect(steps).toMatch(
      /SEARCH leads USING INDEX leads_follow_up_due_idx \(.*follow_up_due_at<\?\)/,
    )
    expect(steps).not.toMatch(/TEMP B-TREE/)
  })

  it.each<[string, Viewer, Parameters<typeof caseListQuery>[2], RegExp]>([
    ['everyone’s cases', { id: 4, roles: ['leadership'] }, {}, /cases_opened_idx/],
    ['a rep’s cases', { id: 2, roles: ['rep'] }, {}, /cases_rep_idx \(rep_id=\?\)/],
    [
      'a marketer’s cases',
      { id: 4, roles: ['marketer'] },
      { marketerId: 4 },
      /cases_marketer_idx \(marketer_id=\?\)/,
    ],
    [
      'a deep page of a rep’s cases',
      { id: 2, roles: ['rep'] },
      { after: `${T0 + 3000 * 60_000}-400` },
      /cases_rep_idx \(rep_id=\? AND opened_at<\?\)/,
    ],
    // Decision 42: the list sorted oldest first walks the same indexes the other way.
    [
      'everyone’s cases, oldest first',
      { id: 4, roles: ['leadership'] },
      { dir: 'asc' },
      /cases_opened_idx/,
    ],
    [
      'a deep page of a rep’s cases, oldest first',
      { id: 2, roles: ['rep'] },
      { dir: 'asc', after: `${T0 + 3000 * 60_000}-400` },
      /cases_rep_idx \(rep_id=\? AND opened_at>\?\)/,
    ],
  ])('the case list: %s, from an index and never sorted', (_, viewer, query, index) => {
    const steps = plan(caseListQuery(db, viewer, query))
    expect(steps).toMatch(index)
    expect(steps).not.toMatch(/TEMP B-TREE/)
    expect(steps).not.toMatch(/SCAN cases\b(?! USING)/)
  })

  it.each<[string, Parameters<typeof reviewQueueQuery>[2]]>([
    ['the first page', {}],
    ['a deep page', { after: `${T0 + 3000 * 60_000}-400` }],
    ['needs my vote, of one kind, for one rep', { needsMyVote: true, kind: 'rejected', repId: 2 }],
  ])(
    'the review queue, %s: open cases from the review index, most overdue first, never sorted',
    (_, query) => {
      const steps = plan(reviewQueueQuery(db, 3, query, new Date(T0)))
      expect(steps).toMatch(/SEARCH cases USING INDEX cases_review_idx \(status=\?/)
      expect(steps).not.toMatch(/TEMP B-TREE/)
    },
  )

  it.each<[string, Parameters<typeof reviewQueueQuery>[2], RegExp]>([
    ['least time left last', { sort: 'reviewDue', dir: 'desc' }, /cases_review_idx \(status=\?/],
    ['longest open first', { sort: 'opened', dir: 'asc' }, /cases_open_opened_idx \(status=\?\)/],
    [
      'newest first, a deep page',
      { sort: 'opened', dir: 'desc', after: `${T0 + 3000 * 60_000}-400` },
      /cases_open_opened_idx \(status=\? AND opened_at<\?\)/,
    ],
    [
      'longest open first, needs my vote',
      { sort: 'opened', dir: 'asc', needsMyVote: true },
      /cases_open_opened_idx \(status=\?\)/,
    ],
  ])(
    'the review queue sorted (decision 42), %s: from an index, never sorted',
    (_, query, index) => {
      const steps = plan(reviewQueueQuery(db, 3, query, new Date(T0)))
      expect(steps).toMatch(index)
      expect(steps).not.toMatch(/TEMP B-TREE/)
    },
  )

  it.each<[string, Parameters<typeof casePageQuery>[1]]>([
    ['a cursor page', { after: { at: T0 + 3000 * 60_000, id: 400 }, limit: 100 }],
    [
      'a cursor page updated since',
      { after: { at: T0 + 3000 * 60_000, id: 400 }, updatedSince: new Date(T0), limit: 100 },
    ],
  ])(
    'the API’s cases, %s: SEARCHed in the index of when they changed, never scanned or sorted',
    (_, query) => {
      const steps = plan(casePageQuery(db, query))
      expect(steps).toMatch(/^SEARCH cases USING INDEX cases_updated_idx \(/)
      expect(steps).not.toMatch(/SCAN/)
      expect(steps).not.toMatch(/TEMP B-TREE/)
    },
  )
})
