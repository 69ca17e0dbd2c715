// API tokens (issue 17, decision 27): created by an admin or `npm run api-token`, shown once,
// kept as the SHA-256 hash of their secret, revoked and rotated; each change audited, never
// with the secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { apiTokens } from '~db/schema'
import type { ApiTokenInput } from './schema'

export type ApiToken = typeof apiTokens.$inferSelect
/** A token as the list shows it: everything but the hash. */
export type ApiTokenRow = Omit<ApiToken, 'secretHash'>

const TOKEN = /^lc_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/

/** The SHA-256 of a token's secret, hex: all that is stored of it. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** A new token: `lc_<prefix>_<secret>`, 8 hex characters of prefix, 32 random bytes of secret. */
export function newToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(4).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  return { token: `lc_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) }
}

/** A token's prefix and secret, or null when it is not shaped like one. */
export function parseToken(token: string): { prefix: string; secret: string } | null {
  const m = TOKEN.exec(token)
  return m ? { prefix: m[1] as string, secret: m[2] as string } : null
}

/** Whether a secret's hash is the stored one, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The instant a YYYY-MM-DD expiry stands for: the start of that day, UTC. */
export function expiryInstant(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`)
}

const COLUMNS = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  ratePerMinute: apiTokens.ratePerMinute,
}

/** Every token, newest first. */
export function listApiTokens(db: Queryable): ApiTokenRow[] {
  return db.select(COLUMNS).from(apiTokens).orderBy(desc(apiTokens.id)).all()
}

export function getApiToken(db: Queryable, id: number): ApiTokenRow | undefined {
  return db.select(COLUMNS).from(apiTokens).where(eq(apiTokens.id, id)).get()
}

type Created = { tokenId: number; token: string; prefix: string }

/** What the audit trail keeps of a token: never its secret nor its hash. */
const audited = (
  t: Pick<ApiToken, 'name' | 'prefix' | 'scopes' | 'expiresAt' | 'ratePerMinute'>,
) => ({
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  expiresAt: t.expiresAt ? t.expiresAt.toISOString() : null,
  ratePerMinute: t.ratePerMinute,
})

function insertToken(
  tx: Queryable,
  actorId: number | null,
  values: Pick<ApiToken, 'name' | 'scopes' | 'expiresAt' | 'ratePerMinute'>,
  now: Date,
): Created {
  const made = newToken()
  const { id } = tx
    .insert(apiTokens)
    .values({
      ...values,
      prefix: made.prefix,
      secretHash: made.secretHash,
      createdBy: actorId,
      createdAt: now,
    })
    .returning({ id: apiTokens.id })
    .get()
  return { tokenId: id, token: made.token, prefix: made.prefix }
}

/**
 * Creates a token; the answer carries the token itself, which is never shown again. The
 * actor is null when `npm run api-token` made it. An expiry must be a day after today (UTC).
 */
export function createApiToken(
  db: Queryable,
  actorId: number | null,
  input: ApiTokenInput,
  now: Date,
): Result<Created> {
  const expiresAt = input.expires ? expiryInstant(input.expires) : null
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    return refuse('Choose a date after today', 'expires')
  const scopes = [...new Set(input.scopes)]
  return db.transaction(
    (tx) => {
      const values = { name: input.name, scopes, expiresAt, ratePerMinute: input.rate }
      const created = insertToken(tx, actorId, values, now)
      recordAudit(
        tx,
        {
          actorId,
          action: 'api_token.created',
          subjectType: 'api_token',
          subjectId: created.tokenId,
          after: audited({ ...values, prefix: created.prefix }),
        },
        now,
      )
      return { ok: true as const, ...created }
    },
    { behavior: 'immediate' },
  )
}

function revokeIn(tx: Queryable, actorId: number | null, token: ApiTokenRow, now: Date) {
  tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, token.id)).run()
  recordAudit(
    tx,
    {
      actorId,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: token.id,
      after: { name: token.name, prefix: token.prefix },
    },
    now,
  )
}

/** Revokes a token: it answers 401 from now on. A revoked token cannot be revoked again. */
export function revokeApiToken(
  db: Queryable,
  actorId: number | null,
  tokenId: number,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const token = getApiToken(tx, tokenId)
      if (!token) return refuse('This token does not exist')
      if (token.revokedAt) return refuse('This token is already revoked')
      revokeIn(tx, actorId, token, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Rotates a token: a new secret with the same name, scopes, expiry and rate, and the old token
 * revoked, in one transaction. A revoked or expired token cannot be rotated.
 */
export function rotateApiToken(
  db: Queryable,
  actorId: number | null,
  tokenId: number,
  now: Date,
): Result<Created> {
  return db.transaction(
    (tx) => {
      const old = getApiToken(tx, tokenId)
      if (!old) return refuse('This token does not exist')
      if (old.revokedAt) return refuse('This token is revoked; create a new one')
      if (old.expiresAt && old.expiresAt <= now)
        return refuse('This token has expired; create a new one')
      revokeIn(tx, actorId, old, now)
      const values = {
        name: old.name,
        scopes: old.scopes,
        expiresAt: old.expiresAt,
        ratePerMinute: old.ratePerMinute,
      }
      const created = insertToken(tx, actorId, values, now)
      recordAudit(
        tx,
        {
          actorId,
          action: 'api_token.rotated',
          subjectType: 'api_token',
          subjectId: created.tokenId,
          before: { tokenId: old.id, prefix: old.prefix },
          after: audited({ ...values, prefix: created.prefix }),
        },
        now,
      )
      return { ok: true as const, ...created }
    },
    { behavior: 'immediate' },
  )
}
