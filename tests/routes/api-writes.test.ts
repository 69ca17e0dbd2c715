// Issue 17: every write takes an Idempotency-Key (the first answer again for the same key and
// body within 24 hours; a 422 for another body or path), and every request counts against its
// token's rate (429 with Retry-After past it); the hourly purge forgets old keys and windows.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { purgeIdempotency } from '~/domain/api/idempotency.server'
import { purgeRateWindows } from '~/domain/api/rate-limit.server'
import { apiWrite } from '~/http/api/write.server'
import { getDb } from '~/platform/db.server'
import { action as leadsAction } from '~/routes/api.v1.leads._index'
import { action as outcomesAction } from '~/routes/api.v1.outcomes'
import { loader as reasonsLoader } from '~/routes/api.v1.reasons'
import { apiIdempotency, apiRateWindows, leads } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { requestArgs } from '../support/http'

const NOW = new Date('2026-11-28T10:00:00Z')
const HOUR = 60 * 60 * 1000
const at = (ms: number) => new Date(NOW.getTime() + ms)

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
})

type Problem = { type: string; errors?: { field: string }[] }
const leadCount = () => getDb().select().from(leads).all().length

describe('Idempotency-Key', () => {
  let key = ''
  beforeAll(() => {
    key = apiToken(['leads:write', 'outcomes:write']).token
  })
  const post = (
    body: unknown,
    idem: string | null,
    now = NOW,
    handler = leadsAction,
    path = '/api/v1/leads',
  ) =>
    callApi(handler, 'POST', path, { token: key, body, headers: { 'Idempotency-Key': idem }, now })

  it('answers the same key and body with the first answer, marked replayed, and changes nothing', async () => {
    const body = { external_id: 'I-1', email: 'i1@example.com', title: 'CTO' }
    const first = await post(body, 'key-1')
    expect(first.status).toBe(201)
    expect(first.headers.get('Idempotent-Replayed')).toBeNull()
    const count = leadCount()
    const replay = await post(body, 'key-1', at(HOUR))
    expect(replay.status).toBe(201)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    expect(replay.headers.get('Location')).toBe(first.headers.get('Location'))
    expect(await replay.json()).toEqual(await first.json())
    expect(leadCount()).toBe(count)
    // Without the key, the same body is an update that changes nothing: 200, not the 201.
    expect((await post(body, null)).status).toBe(200)
  })

  it('answers 422 naming the header to the same key with another body or on another path', async () => {
    await post({ external_id: 'I-2' }, 'key-2')
    const other = await post({ external_id: 'I-3' }, 'key-2')
    expect(other.status).toBe(422)
    expect(await jsonOf<Problem>(other)).toMatchObject({
      type: '/api/problems/idempotency-key-reused',
      errors: [{ field: 'Idempotency-Key' }],
    })
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'I-3')).get()).toBeUndefined()
    const elsewhere = await post(
      { external_id: 'I-2' },
      'key-2',
      NOW,
      outcomesAction,
      '/api/v1/outcomes',
    )
    expect(elsewhere.status).toBe(422)
  })

  it('keeps an answer that refused (a 422 of the body) and replays it too', async () => {
    const bad = await post({ external_id: 'I-4', email: 'nope' }, 'key-4')
    expect(bad.status).toBe(422)
    const again = await post({ external_id: 'I-4', email: 'nope' }, 'key-4')
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
  })

  it('forgets a key after 24 hours: the request runs again; the hourly purge deletes it', async () => {
    const body = { external_id: 'I-5' }
    expect((await post(body, 'key-5')).status).toBe(201)
    const later = await post(body, 'key-5', at(24 * HOUR + 1))
    expect(later.status).toBe(200)
    expect(later.headers.get('Idempotent-Replayed')).toBeNull()
    const before = getDb().select().from(apiIdempotency).all().length
    const purged = purgeIdempotency(getDb(), at(24 * HOUR + 2))
    expect(purged).toBe(before - 1)
    expect(
      getDb()
        .select()
        .from(apiIdempotency)
        .all()
        .map((r) => r.key),
    ).toEqual(['key-5'])
  })

  it('answers 400 naming the header to a key that is empty, too long or not printable', async () => {
    for (const bad of ['', 'k'.repeat(256), 'tab\there']) {
      const answer = await post({ external_id: 'I-6' }, bad)
      expect(answer.status, JSON.stringify(bad)).toBe(400)
      expect((await jsonOf<Problem>(answer)).errors?.[0]?.field).toBe('Idempotency-Key')
    }
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'I-6')).get()).toBeUndefined()
  })
})

describe('the transaction of a write', () => {
  const args = (token: string, key: string | null) =>
    requestArgs(
      '/api/v1/leads',
      {
        method: 'POST',
        body: '{}',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
      },
      { now: NOW },
    )

  it('runs the handler in one immediate transaction, with or without an Idempotency-Key', async () => {
    const { token } = apiToken(['leads:write'])
    for (const key of [null, 'tx-1']) {
      let inTransaction = false
      const answer = await apiWrite(args(token, key), 'leads:write', () => {
        inTransaction = getDb().$client.inTransaction
        return { status: 200, body: {} }
      })
      expect(answer.status, String(key)).toBe(200)
      expect(inTransaction, String(key)).toBe(true)
    }
  })

  it('keeps nothing of a handler that fails half-way (the write and its audit entry go together)', async () => {
    const { token, tokenId } = apiToken(['leads:write'])
    const written = () =>
      getDb().select().from(apiRateWindows).where(eq(apiRateWindows.windowStart, 42)).all()
    const failing = apiWrite(args(token, null), 'leads:write', (_body, { tx }) => {
      tx.insert(apiRateWindows).values({ tokenId, windowStart: 42, requests: 1 }).run()
      throw new Error('the audit entry failed')
    })
    await expect(failing).rejects.toThrow('the audit entry failed')
    expect(written()).toEqual([])
  })
})

describe('the rate limit', () => {
  const get = (token: string, now: Date) =>
    callApi(reasonsLoader, 'GET', '/api/v1/reasons', { token, now })

  it('answers 429 with Retry-After past the token’s rate in a minute, and lets it in the next minute', async () => {
    const { token, tokenId } = apiToken(['leads:read'], { rate: 3 })
    const minute = new Date('2026-11-28T10:05:00Z')
    for (let i = 0; i < 3; i++)
      expect((await get(token, new Date(minute.getTime() + i * 1000))).status).toBe(200)
    const refused = await get(token, new Date(minute.getTime() + 15_500))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('45')
    expect(await jsonOf(refused)).toMatchObject({ type: '/api/problems/rate-limited', status: 429 })
    // Another token has its own count.
    expect((await get(apiToken(['leads:read'], { rate: 3 }).token, minute)).status).toBe(200)
    const next = await get(token, new Date(minute.getTime() + 60_000))
    expect(next.status).toBe(200)
    // The token's past minute is dropped as it counts the new one.
    const windows = getDb()
      .select()
      .from(apiRateWindows)
      .where(eq(apiRateWindows.tokenId, tokenId))
      .all()
    expect(windows).toEqual([{ tokenId, windowStart: minute.getTime() + 60_000, requests: 1 }])
    expect(purgeRateWindows(getDb(), at(3 * 24 * HOUR))).toBeGreaterThan(0)
    expect(getDb().select().from(apiRateWindows).all()).toEqual([])
  })
})
