import { beforeAll, describe, expect, it } from 'vitest'
import { buyingGroupQuery } from '~/domain/leads/buying-group.server'
import {
  COMMON_SEARCH_MATCHES,
  LEAD_PAGE_SIZE,
  type LeadQuery,
  leadListQuery,
  listLeads,
} from '~/domain/leads/list.server'
import { indexNewLeads } from '~/domain/leads/search-index.server'
import type { DB } from '~db/connection'
import { leads, type Role, users } from '~db/schema'
import { memoryDb } from '../support/memory-db'

// Every hot query of the lead list must be answered through an index: no full scan of
// `leads`, and no sorting of the whole result (the index order serves ORDER BY + LIMIT).

let db: DB
type Viewer = { id: number; roles: Role[] }
const marketer: Viewer = { id: 1, roles: ['marketer'] }
const rep: Viewer = { id: 2, roles: ['rep'] }

beforeAll(() => {
  db = memoryDb()
  db.insert(users)
    .values([
      { email: 'm@x.test', name: 'M', passwordHash: 'x' },
      { email: 'r@x.test', name: 'R', passwordHash: 'x' },
    ])
    .run()
  const statuses = ['new', 'working', 'in_review', 'disqualified'] as const
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    externalId: `E${i}`,
    email: `p${i}@c${i % 300}.test`,
    firstName: `P${i}`,
    company: `C${i % 300}`,
    companyDomain: `c${i % 300}.test`,
    source: `S${i % 20}`,
    campaign: `K${i % 200}`,
    lifecycleStage: 'mql' as const,
    evaluation: (i % 3 ? 'meets' : 'does_not_meet') as 'meets' | 'does_not_meet',
    status: statuses[i % 4] as (typeof statuses)[number],
    ownerId: (i % 2) + 1,
    // Three leads to a minute, so the id breaks ties in the order.
    handedOverAt: new Date(1_700_000_000_000 + Math.floor(i / 3) * 60_000),
    createdAt: new Date(),
    updatedAt: new Date(),
  }))
  for (let i = 0; i < rows.length; i += 500)
    db.insert(leads)
      .values(rows.slice(i, i + 500))
      .run()
  indexNewLeads(db)
  db.$client.exec('ANALYZE')
})

/** How many leads a full-text expression matches. */
const matches = (expression: string) =>
  (
    db.$client
      .prepare('SELECT count(*) AS n FROM leads_search WHERE leads_search MATCH ?')
      .get(expression) as { n: number }
  ).n

function plan(viewer: Viewer, query: Partial<LeadQuery>): string[] {
  const { sql, params } = leadListQuery(db, viewer, { sort: 'newest', ...query }).select.toSQL()
  return (
    db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  ).map((r) => r.detail)
}

const CURSOR = `${1_700_000_000_000 + 2500 * 60_000}-2501`

describe('lead list query plans', () => {
  it.each<[string, Viewer, Partial<LeadQuery>]>([
    ['no filter', marketer, {}],
    ['oldest first', marketer, { sort: 'oldest' }],
    ['a deep page', marketer, { after: CURSOR }],
    ['a page back', marketer, { before: CURSOR }],
    ['a rep’s own leads', rep, {}],
    ['a rep’s own leads, deep page', rep, { after: CURSOR }],
    ['status', marketer, { status: 'in_review' }],
    ['owner', marketer, { ownerId: 2 }],
    ['owner and status', marketer, { ownerId: 2, status: 'new' }],
    ['source', marketer, { source: 'S3' }],
    ['campaign', marketer, { campaign: 'K17' }],
    ['lifecycle stage', marketer, { lifecycleStage: 'sql' }],
    ['evaluation', marketer, { evaluation: 'does_not_meet' }],
    [
      'source and evaluation, deep page',
      marketer,
      { source: 'S3', evaluation: 'meets', after: CURSOR },
    ],
  ])('%s: uses an index and never sorts the table', (_, viewer, query) => {
    const steps = plan(viewer, query)
    const onLeads = steps.filter((s) => /\bleads\b/.test(s) && !/leads_search/.test(s))
    expect(onLeads.length, steps.join('\n')).toBeGreaterThan(0)
    for (const step of onLeads)
      expect(step, steps.join('\n')).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/)
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/)
    // A page after (or before) a cursor seeks to it in the index instead of walking up to it.
    if (query.after || query.before) {
      expect(onLeads.join('\n'), steps.join('\n')).toMatch(/handed_over_at[<>]\?/)
    }
  })

  it('a rare search goes through the full-text index, then to leads by primary key', () => {
    expect(matches('"p42" "c42"*')).toBeLessThan(COMMON_SEARCH_MATCHES)
    for (const viewer of [marketer, rep]) {
      const steps = plan(viewer, { q: 'p42 c42', source: 'S2' })
      expect(steps[0], steps.join('\n')).toMatch(/^SCAN leads_search VIRTUAL TABLE INDEX/)
      expect(steps, steps.join('\n')).toContain('SEARCH leads USING INTEGER PRIMARY KEY (rowid=?)')
      expect(steps.filter((s) => s.startsWith('SCAN leads ') || s === 'SCAN leads')).toEqual([])
    }
  })

  it.each<[string, Viewer, Partial<LeadQuery>]>([
    ['no filter', marketer, {}],
    ['a rep’s own leads', rep, {}],
    ['status, deep page', marketer, { status: 'new', after: CURSOR }],
    ['source, oldest first', marketer, { source: 'S3', sort: 'oldest' }],
  ])(
    'a common search walks the list’s index and builds its matches once: %s',
    (_, viewer, query) => {
      expect(matches('"p"*')).toBeGreaterThanOrEqual(COMMON_SEARCH_MATCHES)
      const steps = plan(viewer, { q: 'p', ...query })
      const text = steps.join('\n')
      expect(text).toMatch(/(SCAN|SEARCH) leads USING (COVERING )?INDEX leads_\w+_idx/)
      expect(steps.filter((s) => s.startsWith('SCAN leads_search'))).toHaveLength(1)
      expect(text).toMatch(/LIST SUBQUERY/)
      expect(text).not.toMatch(/TEMP B-TREE|leads USING INTEGER PRIMARY KEY/)
    },
  )

  it('the other members of a buying group come straight from their index, in order', () => {
    const { sql, params } = buyingGroupQuery(db, { id: 5, companyDomain: 'c1.test' }, 20).toSQL()
    const steps = (
      db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
    ).map((r) => r.detail)
    expect(steps.join('\n')).toMatch(
      /SEARCH leads USING INDEX leads_company_domain_idx \(company_domain=\?\)/,
    )
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/)
  })
})

describe('search results, whichever way the query runs', () => {
  type Page = ReturnType<typeof listLeads>
  /** Every page of a list, first to last by the next cursor, then last to first by the previous. */
  function bothWays(viewer: Viewer, query: Partial<LeadQuery>) {
    const list = (cursor: { after?: string; before?: string }) =>
      listLeads(db, viewer, { sort: 'newest', ...query, ...cursor })
    const forward: Page[] = [list({})]
    for (let page = forward[0] as Page; page.nextCursor; forward.push(page))
      page = list({ after: page.nextCursor })
    const backward: Page[] = [forward.at(-1) as Page]
    for (let page = backward[0] as Page; page.prevCursor; backward.unshift(page))
      page = list({ before: page.prevCursor })
    const ids = (pages: Page[]) => pages.flatMap((page) => page.rows.map((row) => row.id))
    for (const page of forward) expect(page.rows.length).toBeLessThanOrEqual(LEAD_PAGE_SIZE)
    return { forward: ids(forward), backward: ids(backward) }
  }
  /** The leads the index matches that the viewer may see with the filter, in the list's order. */
  function expected(viewer: Viewer, expression: string, query: Partial<LeadQuery>) {
    const ids = new Set(
      (
        db.$client
          .prepare('SELECT rowid AS id FROM leads_search WHERE leads_search MATCH ?')
          .all(expression) as { id: number }[]
      ).map((row) => row.id),
    )
    const sign = query.sort === 'oldest' ? -1 : 1
    return db
      .select({
        id: leads.id,
        ownerId: leads.ownerId,
        status: leads.status,
        at: leads.handedOverAt,
      })
      .from(leads)
      .all()
      .filter(
        (lead) =>
          ids.has(lead.id) &&
          (!viewer.roles.includes('rep') || lead.ownerId === viewer.id) &&
          (!query.status || lead.status === query.status),
      )
      .sort((a, b) => sign * (b.at.getTime() - a.at.getTime() || b.id - a.id))
      .map((lead) => lead.id)
  }

  it.each<[string, string, Viewer, Partial<LeadQuery>]>([
    ['common, a marketer', 'p', marketer, {}],
    ['common, a rep, oldest first', 'p', rep, { sort: 'oldest' }],
    ['common, a marketer, one status', 'p', marketer, { status: 'working' }],
    ['rare, a marketer, oldest first', 'p1', marketer, { sort: 'oldest' }],
    ['rare, a rep', 'p1', rep, {}],
    ['rare, a marketer, one status', 'p1', marketer, { status: 'new' }],
  ])('%s: every match once, in order, page after page, and back', (kind, q, viewer, query) => {
    const common = matches(`"${q}"*`) >= COMMON_SEARCH_MATCHES
    expect(common).toBe(kind.startsWith('common'))
    const want = expected(viewer, `"${q}"*`, query)
    expect(want.length).toBeGreaterThan(2 * LEAD_PAGE_SIZE)
    const { forward, backward } = bothWays(viewer, { q, ...query })
    expect(forward).toEqual(want)
    expect(backward).toEqual(want)
  })
})
