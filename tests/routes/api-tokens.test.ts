// Issue 17, the first slice: API tokens on the admin page, and the bearer guard on the two read
// endpoints of /api/v1.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listApiTokens } from '~/domain/api/tokens.server'
import type { ActionReply } from '~/http/reply'
import { formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action, loader } from '~/routes/admin.api-tokens'
import { action as definitionAction, loader as definitionLoader } from '~/routes/api.v1.definition'
import { action as reasonsAction, loader as reasonsLoader } from '~/routes/api.v1.reasons'
import { auditEvents } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, payloadOf, postArgs, requestArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
const NOW = new Date('2026-11-27T10:00:00Z')

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['sasha', 'maya', 'dana'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

type Reply = ActionReply<{ token: string; prefix: string } | null> & {
  result: { error?: Record<string, string[] | null> } | null
}
const post = (fields: Record<string, string | string[]>, who = 'sasha', now = NOW) =>
  settle(() => action(postArgs('/admin/api-tokens', fields, { cookie: cookies[who], now })))
const replyOf = (r: unknown) => payloadOf<Reply>(r)
const errorsOf = (r: unknown) => replyOf(r).result?.error ?? {}

async function newToken(scopes: string[], extra: Record<string, string> = {}) {
  const reply = replyOf(await post({ intent: 'create', name: 'Salesforce', scopes, ...extra }))
  if (!reply.payload) throw new Error('no token')
  return reply.payload
}

describe('the API tokens page', () => {
  it('creates a token and shows its secret once: in the reply, never in the list', async () => {
    const created = await post({
      intent: 'create',
      name: 'HubSpot',
      scopes: ['leads:read', 'cases:read'],
      expires: '2027-03-01',
    })
    expect(statusOf(created)).toBe(200)
    const { token, prefix } = replyOf(created).payload ?? { token: '', prefix: '' }
    expect(token).toMatch(new RegExp(`^lc_${prefix}_[A-Za-z0-9_-]{43}$`))
    expect(replyOf(created).notice).toMatch(/not shown again/)
    const page = await loader(getArgs('/admin/api-tokens', { cookie: cookies.sasha }))
    expect(JSON.stringify(page)).not.toContain(token.slice(12))
    expect(page.tokens[0]).toMatchObject({
      name: 'HubSpot',
      prefix,
      scopes: ['leads:read', 'cases:read'],
      lastUsedAt: null,
      revokedAt: null,
    })
    expect(page.tokens[0]?.expiresAt).toMatch(/2027/)
  })

  it('refuses with a 400 naming the field: no name, no or unknown scope, a past or unreal date', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ name: '', scopes: ['leads:read'] }, 'name'],
      [{ name: 'Zoho' }, 'scopes'],
      [{ name: 'Zoho', scopes: ['leads:eat'] }, 'scopes'],
      [{ name: 'Zoho', scopes: ['leads:read'], expires: '2026-11-27' }, 'expires'],
      [{ name: 'Zoho', scopes: ['leads:read'], expires: '2025-01-01' }, 'expires'],
      [{ name: 'Zoho', scopes: ['leads:read'], expires: '2027-02-30' }, 'expires'],
      [{ name: 'Zoho', scopes: ['leads:read'], rate: '0' }, 'rate'],
      [{ name: 'Zoho', scopes: ['leads:read'], rate: '100001' }, 'rate'],
      [{ name: 'Zoho', scopes: ['leads:read'], rate: '2.5' }, 'rate'],
    ]
    const before = listApiTokens(getDb()).length
    for (const [fields, field] of cases) {
      const reply = await post({ intent: 'create', ...fields })
      expect(statusOf(reply), JSON.stringify(fields)).toBe(400)
      // An unknown scope is named by its place in the list: scopes[0].
      const named = Object.keys(errorsOf(reply)).filter((key) => key.startsWith(field))
      expect(named, JSON.stringify(fields)).not.toEqual([])
    }
    expect(listApiTokens(getDb()).length).toBe(before)
  })

  it('sets the rate a minute: 600 unless given', async () => {
    const fast = await newToken(['leads:write'], { rate: '5000' })
    const plain = await newToken(['leads:write'])
    const rateOf = (prefix: string) =>
      listApiTokens(getDb()).find((t) => t.prefix === prefix)?.ratePerMinute
    expect(rateOf(fast.prefix)).toBe(5000)
    expect(rateOf(plain.prefix)).toBe(600)
    const page = await loader(getArgs('/admin/api-tokens', { cookie: cookies.sasha }))
    expect(page.tokens.find((t) => t.prefix === fast.prefix)?.ratePerMinute).toBe(5000)
  })

  it('revokes once: a second submit is refused and changes nothing', async () => {
    const { prefix } = await newToken(['leads:read'])
    const id = listApiTokens(getDb()).find((t) => t.prefix === prefix)?.id ?? 0
    const first = await post({ intent: 'revoke', tokenId: String(id) })
    expect(replyOf(first).notice).toMatch(/revoked/)
    const revokedAt = listApiTokens(getDb()).find((t) => t.id === id)?.revokedAt
    const again = await post(
      { intent: 'revoke', tokenId: String(id) },
      'sasha',
      new Date(NOW.getTime() + 5000),
    )
    expect(statusOf(again)).toBe(400)
    expect(formErrorOf(replyOf(again))).toBe('This token is already revoked')
    expect(listApiTokens(getDb()).find((t) => t.id === id)?.revokedAt).toEqual(revokedAt)
    const revocations = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'api_token.revoked'))
      .all()
      .filter((e) => e.subjectId === String(id))
    expect(revocations).toHaveLength(1)
  })

  it('rotates: a new secret shown once, the old token revoked', async () => {
    const old = await newToken(['cases:read'])
    const id = listApiTokens(getDb()).find((t) => t.prefix === old.prefix)?.id ?? 0
    const rotated = replyOf(await post({ intent: 'rotate', tokenId: String(id) }))
    expect(rotated.payload?.token).toMatch(/^lc_/)
    expect(rotated.payload?.token).not.toBe(old.token)
    const tokens = listApiTokens(getDb())
    expect(tokens.find((t) => t.id === id)?.revokedAt).not.toBeNull()
    expect(tokens.find((t) => t.prefix === rotated.payload?.prefix)).toMatchObject({
      name: 'Salesforce',
      scopes: ['cases:read'],
      revokedAt: null,
    })
  })

  it('is for admins only', async () => {
    for (const who of ['maya', 'dana']) {
      expect(
        statusOf(
          await settle(() => loader(getArgs('/admin/api-tokens', { cookie: cookies[who] }))),
        ),
      ).toBe(403)
      expect(
        statusOf(await post({ intent: 'create', name: 'Sneaky', scopes: ['leads:read'] }, who)),
      ).toBe(403)
    }
    expect(listApiTokens(getDb()).some((t) => t.name === 'Sneaky')).toBe(false)
  })
})

describe('the bearer guard on /api/v1', () => {
  const get = (
    path: string,
    headers: Record<string, string | null>,
    options: { cookie?: string; now?: Date } = {},
  ) => {
    const run = path.endsWith('definition') ? definitionLoader : reasonsLoader
    return settle(async () =>
      run(requestArgs(path, { method: 'GET', headers }, { now: NOW, ...options })),
    )
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
  const problemOf = async (r: unknown) => {
    const response = r as Response
    expect(response.headers.get('Content-Type')).toBe('application/problem+json')
    return (await response.json()) as {
      type: string
      title: string
      status: number
      detail: string
    }
  }

  it('answers 200 with JSON to any valid token: the reasons, the definition in force', async () => {
    const { token } = await newToken(['cases:read'])
    const reasons = (await get('/api/v1/reasons', bearer(token))) as Response
    expect(reasons.status).toBe(200)
    expect(reasons.headers.get('Content-Type')).toBe('application/json')
    const body = (await reasons.json()) as { reasons: { label: string; notes_required: boolean }[] }
    expect(body.reasons.find((r) => r.label === 'Other')?.notes_required).toBe(true)
    const definition = (await get('/api/v1/definition', bearer(token))) as Response
    expect(definition.status).toBe(200)
    const version = (await definition.json()) as { version: number; criteria: { key: string }[] }
    expect(version.version).toBe(1)
    expect(version.criteria.map((c) => c.key)).toEqual(ICP_CRITERIA.map((c) => c.key))
  })

  it('reads the scheme in any case (RFC 7235): bearer, BEARER, Bearer', async () => {
    const { token } = await newToken(['leads:read'])
    for (const scheme of ['bearer', 'BEARER', 'bEaReR', 'Bearer']) {
      const answer = await get('/api/v1/reasons', { Authorization: `${scheme} ${token}` })
      expect(statusOf(answer), scheme).toBe(200)
    }
  })

  it('answers 401 problems without a token, with a bad one, a revoked one, an expired one', async () => {
    const revoked = await newToken(['leads:read'])
    const id = listApiTokens(getDb()).find((t) => t.prefix === revoked.prefix)?.id ?? 0
    await post({ intent: 'revoke', tokenId: String(id) })
    const expiring = await newToken(['leads:read'], { expires: '2026-12-01' })
    const afterExpiry = new Date('2026-12-01T00:00:00Z')
    const answers = [
      await get('/api/v1/reasons', {}),
      await get('/api/v1/reasons', { Authorization: 'Basic dXNlcjpwYXNz' }),
      await get('/api/v1/reasons', bearer('lc_12345678_nope')),
      await get('/api/v1/reasons', bearer(`lc_00000000_${'a'.repeat(43)}`)),
      await get('/api/v1/definition', bearer(revoked.token)),
      await get('/api/v1/reasons', bearer(expiring.token), { now: afterExpiry }),
    ]
    for (const answer of answers) {
      expect(statusOf(answer)).toBe(401)
      expect((answer as Response).headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
      const body = await problemOf(answer)
      expect(body).toMatchObject({ type: '/api/problems/unauthorized', status: 401 })
      expect(body.detail).toBeTruthy()
    }
    expect(statusOf(await get('/api/v1/reasons', bearer(expiring.token)))).toBe(200)
  })

  it('never accepts the session cookie: a signed-in admin without a token gets 401', async () => {
    const answer = await get('/api/v1/reasons', {}, { cookie: cookies.sasha })
    expect(statusOf(answer)).toBe(401)
  })

  it('answers 403 to a token without the scope (requireToken with a scope)', async () => {
    const { requireToken } = await import('~/http/api.server')
    const { token } = await newToken(['leads:read'])
    const args = requestArgs(
      '/api/v1/cases',
      { method: 'GET', headers: bearer(token) },
      { now: NOW },
    )
    const refused = await settle(async () => requireToken(args, 'cases:read'))
    expect(statusOf(refused)).toBe(403)
    expect(await problemOf(refused)).toMatchObject({ status: 403, title: 'Forbidden' })
    expect(requireToken(args, 'leads:read').scopes).toEqual(['leads:read'])
  })

  it('answers 405 with Allow to a POST', async () => {
    const { token } = await newToken(['leads:write'])
    for (const run of [reasonsAction, definitionAction]) {
      const answer = (await run(
        requestArgs('/api/v1/reasons', { method: 'POST', body: '{}', headers: bearer(token) }),
      )) as Response
      expect(answer.status).toBe(405)
      expect(answer.headers.get('Allow')).toBe('GET, HEAD')
      expect(await problemOf(answer)).toMatchObject({ status: 405 })
    }
  })

  it('notes the token’s last use', async () => {
    const { token, prefix } = await newToken(['leads:read'])
    await get('/api/v1/reasons', bearer(token))
    expect(listApiTokens(getDb()).find((t) => t.prefix === prefix)?.lastUsedAt).toEqual(NOW)
  })
})
