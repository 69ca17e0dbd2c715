import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { authenticateToken } from '~/domain/api/authenticate.server'
import { ApiTokenSchema, isRealDate } from '~/domain/api/schema'
import {
  createApiToken,
  getApiToken,
  hashSecret,
  listApiTokens,
  parseToken,
  revokeApiToken,
  rotateApiToken,
} from '~/domain/api/tokens.server'
import type { DB } from '~db/connection'
import { apiTokens, auditEvents } from '~db/schema'
import { memoryDb } from '../support/memory-db'

const NOW = new Date('2026-11-27T10:00:00Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)
let db: DB

beforeEach(() => {
  db = memoryDb()
})

function create(input: Partial<{ name: string; scopes: string[]; expires: string }> = {}) {
  const parsed = ApiTokenSchema.parse({ name: 'Salesforce', scopes: ['leads:read'], ...input })
  const created = createApiToken(db, null, parsed, NOW)
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors))
  return created
}

const audit = () =>
  db
    .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(eq(auditEvents.subjectType, 'api_token'))
    .all()

describe('an API token', () => {
  it('is lc_<8 hex>_<43 base64url>, stored only as the SHA-256 of its secret', () => {
    const { token, prefix, tokenId } = create()
    expect(token).toMatch(/^lc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/)
    const parts = parseToken(token)
    expect(parts?.prefix).toBe(prefix)
    const row = db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get()
    expect(row?.secretHash).toBe(hashSecret(parts?.secret ?? ''))
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(parts?.secret)
    expect(row).toMatchObject({ scopes: ['leads:read'], ratePerMinute: 600, createdBy: null })
    expect(listApiTokens(db)[0]).not.toHaveProperty('secretHash')
  })

  it('authenticates its caller with its scopes; a wrong secret or prefix is unknown', () => {
    const { token, tokenId } = create({ scopes: ['leads:read', 'cases:read'] })
    expect(authenticateToken(db, token, NOW)).toEqual({
      ok: true,
      caller: {
        tokenId,
        name: 'Salesforce',
        scopes: ['leads:read', 'cases:read'],
        ratePerMinute: 600,
      },
    })
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    expect(authenticateToken(db, forged, NOW)).toEqual({ ok: false, reason: 'unknown' })
    expect(authenticateToken(db, `lc_00000000_${token.slice(12)}`, NOW).ok).toBe(false)
    expect(authenticateToken(db, 'not-a-token', NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('notes when it was last used, at most once a minute', () => {
    const { token, tokenId } = create()
    const lastUsed = () => getApiToken(db, tokenId)?.lastUsedAt?.getTime()
    expect(lastUsed()).toBeUndefined()
    authenticateToken(db, token, NOW)
    expect(lastUsed()).toBe(NOW.getTime())
    authenticateToken(db, token, later(59_000))
    expect(lastUsed()).toBe(NOW.getTime())
    authenticateToken(db, token, later(61_000))
    expect(lastUsed()).toBe(later(61_000).getTime())
  })

  it('expires at the start of its expiry day (UTC), which must be after today', () => {
    const { token } = create({ expires: '2026-11-28' })
    expect(authenticateToken(db, token, later(13 * 3600_000 - 1)).ok).toBe(true)
    expect(authenticateToken(db, token, later(14 * 3600_000))).toEqual({
      ok: false,
      reason: 'expired',
    })
    const today = ApiTokenSchema.parse({
      name: 'x1',
      scopes: ['leads:read'],
      expires: '2026-11-27',
    })
    expect(createApiToken(db, null, today, NOW)).toEqual({
      ok: false,
      fieldErrors: { expires: ['Choose a date after today'] },
    })
    expect(isRealDate('2026-02-30')).toBe(false)
    expect(isRealDate('2028-02-29')).toBe(true)
    expect(ApiTokenSchema.safeParse({ name: 'x1', scopes: ['leads:eat'] }).success).toBe(false)
    expect(ApiTokenSchema.safeParse({ name: 'x1', scopes: [] }).success).toBe(false)
  })

  it('once revoked is refused, and cannot be revoked again', () => {
    const { token, tokenId } = create()
    expect(revokeApiToken(db, null, tokenId, later(1000))).toEqual({ ok: true })
    expect(authenticateToken(db, token, later(2000))).toEqual({ ok: false, reason: 'revoked' })
    expect(revokeApiToken(db, null, tokenId, later(3000))).toEqual({
      ok: false,
      fieldErrors: { form: ['This token is already revoked'] },
    })
    expect(getApiToken(db, tokenId)?.revokedAt).toEqual(later(1000))
    expect(revokeApiToken(db, null, 999, NOW).ok).toBe(false)
  })

  it('rotates to a new secret with the same name, scopes and expiry; the old one is revoked', () => {
    const old = create({ scopes: ['cases:read'], expires: '2027-01-01' })
    const rotated = rotateApiToken(db, null, old.tokenId, later(1000))
    if (!rotated.ok) throw new Error('not rotated')
    expect(rotated.token).not.toBe(old.token)
    expect(authenticateToken(db, old.token, later(2000))).toEqual({ ok: false, reason: 'revoked' })
    expect(authenticateToken(db, rotated.token, later(2000))).toMatchObject({
      ok: true,
      caller: { name: 'Salesforce', scopes: ['cases:read'] },
    })
    expect(getApiToken(db, rotated.tokenId)?.expiresAt).toEqual(new Date('2027-01-01T00:00:00Z'))
    expect(rotateApiToken(db, null, old.tokenId, later(3000)).ok).toBe(false)
  })

  it('is audited on creation, revocation and rotation, never with its secret or hash', () => {
    const { token, tokenId } = create()
    rotateApiToken(db, null, tokenId, later(1000))
    const entries = audit()
    expect(entries.map((e) => e.action)).toEqual([
      'api_token.created',
      'api_token.revoked',
      'api_token.rotated',
    ])
    const secret = parseToken(token)?.secret ?? ''
    const text = JSON.stringify(entries)
    expect(text).not.toContain(secret)
    expect(text).not.toContain(hashSecret(secret))
    expect(text).not.toContain('secretHash')
  })
})
