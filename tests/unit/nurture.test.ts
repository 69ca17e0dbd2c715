import { beforeAll, describe, expect, it } from 'vitest'
import { poolSegmentQuery } from '~/domain/nurture/pool.server'
import { reengagementWhy } from '~/domain/nurture/reengagement'
import { whatChanged } from '~/domain/nurture/what-changed'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'

const SIZE = {
  key: 'size',
  label: 'Size',
  required: true,
  field: 'employeeCount',
  operator: 'at_least' as const,
  value: 50,
}
const V2 = { number: 2, criteria: [SIZE] }

describe('re-engagement (decision 26)', () => {
  it('a change that makes the lead meet the version in force', () => {
    expect(reengagementWhy({ employeeCount: 20 }, { employeeCount: 80 }, V2, 70)).toEqual([
      'Meets the definition v2',
    ])
  })

  it('a lead that already met it is not re-engaged by meeting it still', () => {
    expect(reengagementWhy({ employeeCount: 60 }, { employeeCount: 80 }, V2, 70)).toEqual([])
  })

  it('the engagement score reaching the threshold from below (or from blank)', () => {
    expect(reengagementWhy({ engagementScore: 40 }, { engagementScore: 70 }, null, 70)).toEqual([
      'Engagement score 40 → 70',
    ])
    expect(reengagementWhy({ engagementScore: null }, { engagementScore: 82 }, null, 70)).toEqual([
      'Engagement score blank → 82',
    ])
    expect(reengagementWhy({ engagementScore: 69 }, { engagementScore: 69 }, null, 70)).toEqual([])
    expect(reengagementWhy({ engagementScore: 75 }, { engagementScore: 90 }, null, 70)).toEqual([])
  })

  it('both at once, the definition first', () => {
    expect(
      reengagementWhy(
        { employeeCount: 20, engagementScore: 40 },
        { employeeCount: 200, engagementScore: 82 },
        V2,
        70,
      ),
    ).toEqual(['Meets the definition v2', 'Engagement score 40 → 82'])
  })
})

describe('what changed since a lead entered the pool', () => {
  it('compares the watched fields only, in their order, with lifecycle labels', () => {
    expect(
      whatChanged(
        { engagementScore: 30, title: 'Analyst', lifecycleStage: 'lead', company: 'A', notes: 'x' },
        { engagementScore: 30, title: 'VP Sales', lifecycleStage: 'sql', company: 'B', notes: 'y' },
      ),
    ).toEqual([
      { field: 'title', label: 'Title', before: 'Analyst', after: 'VP Sales' },
      { field: 'lifecycleStage', label: 'Lifecycle stage', before: 'Lead', after: 'SQL' },
    ])
    expect(whatChanged({ purchaseTimelineMonths: null }, { purchaseTimelineMonths: 3 })).toEqual([
      {
        field: 'purchaseTimelineMonths',
        label: 'Purchase timeline (months)',
        before: null,
        after: '3',
      },
    ])
  })
})

describe('the pool’s query plan', () => {
  let db: DB
  beforeAll(() => {
    db = memoryDb()
  })
  it.each([
    ['re-engaged, first page', true, null],
    ['the others, next page', false, { reengaged: false, at: 1_700_000_000_000, id: 42 }],
  ])(
    '%s walks the pool index (ended_at, started_at, id) and never sorts',
    (_, reengaged, after) => {
      const { sql, params } = poolSegmentQuery(db, { reengaged, after }, 26).toSQL()
      const steps = (
        db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n')
      expect(steps).toMatch(/SEARCH nurture_stays USING INDEX nurture_stays_pool_idx \(ended_at=/)
      expect(steps).toMatch(
        /SEARCH others USING COVERING INDEX leads_company_domain_idx \(company_domain=\? AND handed_over_at>\?\)/,
      )
      expect(steps).not.toMatch(/TEMP B-TREE/)
    },
  )
})
