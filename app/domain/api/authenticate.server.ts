// Who an API request is (decision 27): the token of its Authorization header, checked against
// the stored hash; its use noted at most once a minute.
import { and, eq, isNull, lt, or } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { apiTokens } from '~db/schema'
import { type ApiScope, isApiScope } from './scopes'
import { parseToken, secretMatches } from './tokens.server'

export type ApiCaller = {
  tokenId: number
  name: string
  scopes: ApiScope[]
  ratePerMinute: number
}

export type Authenticated =
  | { ok: true; caller: ApiCaller }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' }

const TOUCH_EVERY_MS = 60_000

/** The caller a token stands for, or why it stands for nobody. */
export function authenticateToken(db: Queryable, token: string, now: Date): Authenticated {
  const parts = parseToken(token)
  if (!parts) return { ok: false, reason: 'malformed' }
  const row = db.select().from(apiTokens).where(eq(apiTokens.prefix, parts.prefix)).get()
  if (!row || !secretMatches(parts.secret, row.secretHash)) return { ok: false, reason: 'unknown' }
  if (row.revokedAt) return { ok: false, reason: 'revoked' }
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired' }
  touch(db, row.id, now)
  return {
    ok: true,
    caller: {
      tokenId: row.id,
      name: row.name,
      scopes: row.scopes.filter(isApiScope),
      ratePerMinute: row.ratePerMinute,
    },
  }
}

/** Notes the token's use, unless it was noted less than a minute ago (one cheap write a minute). */
function touch(db: Queryable, tokenId: number, now: Date) {
  db.update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)),
        ),
      ),
    )
    .run()
}
