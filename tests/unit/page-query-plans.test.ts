import { beforeAll, describe, expect, it } from 'vitest'
import { distinctValuesSql } from '~/domain/leads/filter-options.server'
import { hindsightDueQuery } from '~/domain/outcomes/outcomes.server'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'

// Queries that ran in seconds at a million leads (docs/performance.md), checked through
// EXPLAIN QUERY PLAN on a migrated database without ANALYZE statistics, as production has.

let db: DB
const plan = (query: string, params: unknown[] = []) =>
  (db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  )

beforeAll(() => {
  db = memoryDb()
})

describe('hindsight due', () => {
  it.each([
    ['first page', undefined],
    ['next page', '1700000000000-42'],
  ])('%s walks the (decided_at, id) index and never sorts', (_, after) => {
    const { sql, params } = hindsightDueQuery(db, 1_700_000_000_000, after).toSQL()
    const steps = plan(sql, params)
    expect(steps.join('\n')).toMatch(/SEARCH cases USING INDEX cases_decided_idx \(decided_at[<>]/)
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/)
  })
})

describe('lead filter options', () => {
  it.each(['source', 'campaign'] as const)(
    'finds each distinct %s by an index seek, never by reading every lead',
    (column) => {
      const steps = plan(distinctValuesSql(column)).join('\n')
      expect(steps).toMatch(new RegExp(`SEARCH leads USING COVERING INDEX leads_${column}_idx`))
      expect(steps).not.toMatch(/SCAN leads/)
    },
  )
})
