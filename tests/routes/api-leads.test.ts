// Issue 17: POST /api/v1/leads (the import's upsert and checks), GET /api/v1/leads/{id} and
// GET /api/v1/leads?external_id=…; the problems of a write (400, 401, 403, 404, 409, 415, 422).
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/platform/db.server'
import { action as leadsAction, loader as leadsLoader } from '~/routes/api.v1.leads._index'
import { loader as leadLoader } from '~/routes/api.v1.leads.$leadId._index'
import { auditEvents, leads } from '~db/schema'
import { apiToken, callApi, jsonOf } from '../support/api'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { userId } from '../support/leads'

const NOW = new Date('2026-11-28T10:00:00Z')
let token: string

beforeAll(async () => {
  await seedTeam(new Date('2026-11-01T00:00:00Z'))
  activateDefinition(getDb(), ICP_CRITERIA)
  token = apiToken().token
})

const post = (
  body: unknown,
  extra: { token?: string | null; raw?: string; headers?: Record<string, string | null> } = {},
) => callApi(leadsAction, 'POST', '/api/v1/leads', { token, body, now: NOW, ...extra })
type Problem = {
  type: string
  status: number
  detail: string
  errors?: { field: string; message: string }[]
}
const fieldsOf = async (r: Response) =>
  ((await jsonOf<Problem>(r)).errors ?? []).map((e) => e.field)
type Written = { result: string; lead: Record<string, unknown> & { id: number } }

describe('POST /api/v1/leads', () => {
  it('creates a lead (201 with Location), updates it by external id (200), then changes nothing', async () => {
    const created = await post({
      external_id: 'SF-001',
      email: 'Ada@Example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: 'Analytical Engines',
      company_domain: 'https://www.analytical.example/about',
      employee_count: '51-200',
      lifecycle_stage: 'Marketing Qualified Lead',
      engagement_score: 80,
      owner: 'omar@brightline.test',
      custom: { Region: 'EMEA' },
    })
    expect(created.status).toBe(201)
    const body = await jsonOf<Written>(created)
    expect(created.headers.get('Location')).toBe(`/api/v1/leads/${body.lead.id}`)
    expect(body.result).toBe('created')
    expect(body.lead).toMatchObject({
      external_id: 'SF-001',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      company_domain: 'analytical.example',
      employee_count: 51,
      lifecycle_stage: 'mql',
      engagement_score: 80,
      custom: { Region: 'EMEA' },
      status: 'new',
      owner: { id: userId('omar'), email: 'omar@brightline.test', name: 'Omar Haddad' },
      evaluation: { definition_version: 1 },
      handed_over_at: NOW.toISOString(),
      open_case_id: null,
    })
    const updated = await post({
      external_id: 'SF-001',
      title: 'Countess',
      owner: 'dana@brightline.test',
    })
    expect(updated.status).toBe(200)
    const after = await jsonOf<Written>(updated)
    expect(after).toMatchObject({
      result: 'updated',
      lead: { id: body.lead.id, title: 'Countess', first_name: 'Ada' },
    })
    // An existing lead keeps its owner.
    expect(after.lead.owner).toMatchObject({ email: 'omar@brightline.test' })
    const again = await post({ external_id: 'SF-001', title: 'Countess' })
    expect(again.status).toBe(200)
    expect((await jsonOf<Written>(again)).result).toBe('unchanged')
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectType, 'lead'), eq(auditEvents.subjectId, String(body.lead.id))),
      )
      .all()
    expect(audit.map((a) => a.action)).toEqual(['lead.created', 'lead.updated'])
  })

  it('answers 422 naming each field the import would refuse, and writes nothing', async () => {
    const before = getDb().select().from(leads).all().length
    const cases: [unknown, string[]][] = [
      [{ external_id: 'X-1', email: 'not-an-email' }, ['email']],
      [{ external_id: 'X-2', employee_count: 'lots' }, ['employee_count']],
      [{ external_id: 'X-3', engagement_score: 101 }, ['engagement_score']],
      [{ first_name: 'Nobody' }, ['external_id']],
      [{ external_id: 'X-4', emial: 'typo@example.com' }, ['emial']],
      [{ external_id: 42 }, ['external_id']],
      [{ external_id: 'X-5', owner: 'maya@brightline.test' }, ['owner']],
      [{ external_id: 'X-6', lifecycle_stage: 'prospect' }, ['lifecycle_stage']],
      [[{ external_id: 'X-7' }], ['body']],
    ]
    for (const [body, fields] of cases) {
      const answer = await post(body)
      expect(answer.status, JSON.stringify(body)).toBe(422)
      expect(answer.headers.get('Content-Type')).toBe('application/problem+json')
      expect(await fieldsOf(answer), JSON.stringify(body)).toEqual(fields)
    }
    expect(getDb().select().from(leads).all().length).toBe(before)
  })

  it('answers 409 when the keys name two different leads', async () => {
    await post({ external_id: 'K-1', email: 'one@example.com' })
    await post({ external_id: 'K-2', email: 'two@example.com' })
    const clash = await post({ external_id: 'K-1', email: 'two@example.com' })
    expect(clash.status).toBe(409)
    expect(await jsonOf<Problem>(clash)).toMatchObject({
      type: '/api/problems/conflict',
      status: 409,
    })
  })

  it('answers 400 to malformed JSON, 415 to another content type, 401 without a token, 403 without the scope', async () => {
    const malformed = await post(undefined, { raw: '{"external_id": ' })
    expect(malformed.status).toBe(400)
    expect(await jsonOf<Problem>(malformed)).toMatchObject({ type: '/api/problems/malformed-json' })
    const form = await post(undefined, {
      raw: 'external_id=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    expect((await post({ external_id: 'A' }, { token: null })).status).toBe(401)
    const reader = apiToken(['leads:read']).token
    const refused = await post({ external_id: 'A' }, { token: reader })
    expect(refused.status).toBe(403)
    expect(getDb().select().from(leads).where(eq(leads.externalId, 'A')).get()).toBeUndefined()
  })
})

describe('GET /api/v1/leads/{id} and ?external_id=', () => {
  const get = (path: string, params: Record<string, string> = {}, who = token) =>
    callApi(path.includes('?') || !params.leadId ? leadsLoader : leadLoader, 'GET', path, {
      token: who,
      params,
      now: NOW,
    })

  it('reads a lead by id and by key; a list of none when no lead has the key', async () => {
    const { lead } = await jsonOf<Written>(
      await post({ external_id: 'G-1', email: 'g1@example.com' }),
    )
    const one = await get(`/api/v1/leads/${lead.id}`, { leadId: String(lead.id) })
    expect(one.status).toBe(200)
    expect(await jsonOf(one)).toMatchObject({ id: lead.id, external_id: 'G-1' })
    const byKey = await jsonOf<{ leads: { id: number }[] }>(
      await get('/api/v1/leads?external_id=G-1'),
    )
    expect(byKey.leads.map((l) => l.id)).toEqual([lead.id])
    const byEmail = await jsonOf<{ leads: { id: number }[] }>(
      await get('/api/v1/leads?email=G1@example.com'),
    )
    expect(byEmail.leads.map((l) => l.id)).toEqual([lead.id])
    expect(await jsonOf(await get('/api/v1/leads?external_id=nope'))).toEqual({ leads: [] })
  })

  it('answers 404 to an id that is not canonical or names no lead, 422 to a bad query, 403 without leads:read', async () => {
    const { lead } = await jsonOf<Written>(await post({ external_id: 'G-2' }))
    for (const id of [`00${lead.id}`, 'abc', `${lead.id}.0`, '999999']) {
      const answer = await get(`/api/v1/leads/${id}`, { leadId: id })
      expect(answer.status, id).toBe(404)
      expect(await jsonOf<Problem>(answer)).toMatchObject({ type: '/api/problems/not-found' })
    }
    const neither = await get('/api/v1/leads')
    expect(neither.status).toBe(422)
    expect(await fieldsOf(neither)).toEqual(['external_id'])
    const unknown = await get('/api/v1/leads?external_id=G-2&colour=red')
    expect(await fieldsOf(unknown)).toEqual(['colour'])
    const writer = apiToken(['leads:write']).token
    expect(
      (await get(`/api/v1/leads/${lead.id}`, { leadId: String(lead.id) }, writer)).status,
    ).toBe(403)
  })
})
