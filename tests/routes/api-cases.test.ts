// Issue 17: GET /api/v1/cases (cursor pagination over when cases last changed, filters) and
// GET /api/v1/cases/{id} (the verdict and the audit hash of the deciding entry); POST
// /api/v1/outcomes (one or many, the outcome import's checks).
import { and, desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { getDb } from '~/platform/db.server'
import { loader as casesLoader } from '~/routes/api.v1.cases._index'
import { loader as caseLoader } from '~/routes/api.v1.cases.$caseId'
import { action as outcomesAction } from '~/routes/api.v1.outcomes'
import { auditEvents, outcomes } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { rejectedLead, seedTeam } from '../support/factories'
import { handOverLead, userId } from '../support/leads'

const NOW = new Date('2026-11-28T10:00:00Z')
const MINUTE = 60_000
let token: string
const caseIds: number[] = []
const leadIds: number[] = []

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  token = apiToken(['cases:read', 'outcomes:write']).token
  // Seven cases opened a minute apart; the second is conceded later, so it changed last.
  for (let i = 0; i < 7; i++) {
    const made = rejectedLead('dana', {
      at: new Date(NOW.getTime() - (60 - i) * MINUTE),
      handedOverAt: new Date(NOW.getTime() - 2 * 60 * MINUTE),
      fields: { externalId: `C-${i}`, email: `c${i}@example.com` },
    })
    caseIds.push(made.caseId)
    leadIds.push(made.leadId)
  }
  const conceded = concedeCase(
    getDb(),
    userId('maya'),
    caseIds[1] as number,
    'nurture',
    new Date(NOW.getTime() - 5 * MINUTE),
  )
  if (!conceded.ok) throw new Error(JSON.stringify(conceded))
})

type Page = {
  cases: { id: number; status: string; updated_at: string }[]
  next_cursor: string | null
}
const list = (query: string, who = token) =>
  callApi(casesLoader, 'GET', `/api/v1/cases${query}`, { token: who, now: NOW })
const one = (id: string) =>
  callApi(caseLoader, 'GET', `/api/v1/cases/${id}`, { token, params: { caseId: id }, now: NOW })

describe('GET /api/v1/cases', () => {
  it('walks every case once, in the order they changed, page by page, to a null cursor', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`
      const page: Page = await jsonOf<Page>(await list(query))
      seen.push(...page.cases.map((c) => c.id))
      cursor = page.next_cursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    const [a, b, ...rest] = caseIds as [number, number, ...number[]]
    expect(seen).toEqual([a, ...rest, b])
  })

  it('filters by status and by updated_since', async () => {
    const conceded = await jsonOf<Page>(await list('?status=conceded'))
    expect(conceded.cases.map((c) => c.id)).toEqual([caseIds[1]])
    expect(conceded.next_cursor).toBeNull()
    const since = new Date(NOW.getTime() - 55 * MINUTE).toISOString()
    const recent = await jsonOf<Page>(await list(`?updated_since=${since}`))
    expect(recent.cases.map((c) => c.id)).toEqual([caseIds[5], caseIds[6], caseIds[1]])
  })

  it('answers 422 naming the parameter: a bad status, instant, cursor or limit; 403 without cases:read', async () => {
    for (const [query, field] of [
      ['?status=open', 'status'],
      ['?updated_since=yesterday', 'updated_since'],
      ['?cursor=abc', 'cursor'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?offset=10', 'offset'],
    ]) {
      const answer = await list(query as string)
      expect(answer.status, query).toBe(422)
      expect((await jsonOf<{ errors: { field: string }[] }>(answer)).errors[0]?.field).toBe(field)
    }
    expect((await list('', apiToken(['leads:read']).token)).status).toBe(403)
  })
})

describe('GET /api/v1/cases/{id}', () => {
  it('gives the verdict and the hash of the audit entry that closed the case', async () => {
    const id = caseIds[1] as number
    const answer = await one(String(id))
    expect(answer.status).toBe(200)
    const entry = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'case'), eq(auditEvents.action, 'case.conceded')))
      .orderBy(desc(auditEvents.id))
      .get()
    expect(await jsonOf(answer)).toMatchObject({
      id,
      status: 'conceded',
      response: 'conceded',
      verdict: 'does_not_meet',
      disposition: 'nurture',
      definition_version: 1,
      updated_at: new Date(NOW.getTime() - 5 * MINUTE).toISOString(),
      deciding_audit_hash: entry?.hash,
    })
    expect(entry?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await one(`0${id}`)).status).toBe(404)
    expect((await one('999999')).status).toBe(404)
  })
})

describe('POST /api/v1/outcomes', () => {
  const post = (body: unknown) =>
    callApi(outcomesAction, 'POST', '/api/v1/outcomes', { token, body, now: NOW })

  it('records one outcome, then many: each checked as the import checks a row, each reported', async () => {
    const single = await post({
      external_id: 'C-2',
      outcome: 'bought_elsewhere',
      occurred_on: '2026-11-28',
    })
    expect(single.status).toBe(200)
    expect(await jsonOf(single)).toMatchObject({ recorded: 1, unchanged: 0, failed: 0 })
    const noCase = handOverLead('dana', { externalId: 'NC-1' })
    const many = await post([
      { email: 'C3@example.com', outcome: 'won', occurred_on: '2026-11-28', note: 'Signed' },
      { external_id: 'C-2', outcome: 'bought_elsewhere', occurred_on: '2026-11-28' },
      { external_id: 'nope', outcome: 'won', occurred_on: '2026-11-28' },
      { external_id: 'NC-1', outcome: 'won', occurred_on: '2026-11-28' },
      { external_id: 'C-4', outcome: 'won', occurred_on: '2026-12-25' },
    ])
    const report = await jsonOf<{ results: { status: string; errors: { field: string }[] }[] }>(
      many,
    )
    expect(report).toMatchObject({ recorded: 1, unchanged: 1, failed: 3 })
    expect(report.results.map((r) => [r.status, r.errors[0]?.field ?? null])).toEqual([
      ['recorded', null],
      ['unchanged', null],
      ['failed', 'external_id'],
      ['failed', 'external_id'],
      ['failed', 'occurred_on'],
    ])
    expect(getDb().select().from(outcomes).where(eq(outcomes.leadId, noCase)).all()).toEqual([])
    expect(
      getDb()
        .select()
        .from(outcomes)
        .where(eq(outcomes.leadId, leadIds[3] as number))
        .get()?.note,
    ).toBe('Signed')
  })

  it('answers 422 naming the field of a malformed outcome, and records none of the request', async () => {
    for (const [body, field] of [
      [{ external_id: 'C-5', outcome: 'maybe', occurred_on: '2026-11-28' }, 'outcome'],
      [{ external_id: 'C-5', outcome: 'won', occurred_on: '2026-02-30' }, 'occurred_on'],
      [{ outcome: 'won', occurred_on: '2026-11-28' }, 'external_id'],
      [
        [{ external_id: 'C-5', outcome: 'won', occurred_on: '2026-11-28' }, { external_id: 'C-6' }],
        '[1].outcome',
      ],
      [[], 'body'],
    ] as const) {
      const answer = await post(body)
      expect(answer.status, JSON.stringify(body)).toBe(422)
      expect((await jsonOf<{ errors: { field: string }[] }>(answer)).errors[0]?.field).toBe(field)
    }
    expect(
      getDb()
        .select()
        .from(outcomes)
        .where(eq(outcomes.leadId, leadIds[5] as number))
        .all(),
    ).toEqual([])
  })
})
