// Idempotent writes (issue 17, decision 28): the first answer to a write sent with an
// `Idempotency-Key` is kept for 24 hours per token, with the request it answered ("METHOD
// path") and the SHA-256 of its body. The HTTP layer (app/http/api/write.server.ts) replays it.
import { createHash } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { apiIdempotency } from '~db/schema'

/** How long a key is remembered; an older one is as if never used. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

/** A key as clients send it: 1–255 printable ASCII characters (a UUID, typically). */
export const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/

export type StoredAnswer = { status: number; response: string }

/** What was first asked with the key, for comparing with this request. */
export type KeyedRequest = { tokenId: number; key: string; request: string; bodyHash: string }

export type Recall =
  | { kind: 'new' }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'mismatch'; request: string }

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex')
}

/**
 * What the key says about this request: never used (or used more than 24 hours ago), used for
 * this very request (its stored answer), or used for another path or body.
 */
export function recall(db: Queryable, keyed: KeyedRequest, now: Date): Recall {
  const row = db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.tokenId, keyed.tokenId), eq(apiIdempotency.key, keyed.key)))
    .get()
  if (!row || row.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_TTL_MS) return { kind: 'new' }
  if (row.request !== keyed.request || row.bodyHash !== keyed.bodyHash)
    return { kind: 'mismatch', request: row.request }
  return { kind: 'replay', answer: { status: row.status, response: row.response } }
}

/** Keeps the first answer to a keyed request (over an expired record of the same key). */
export function remember(db: Queryable, keyed: KeyedRequest, answer: StoredAnswer, now: Date) {
  const values = { ...keyed, ...answer, createdAt: now }
  db.insert(apiIdempotency)
    .values(values)
    .onConflictDoUpdate({ target: [apiIdempotency.tokenId, apiIdempotency.key], set: values })
    .run()
}

/** Deletes the records older than 24 hours (the hourly purge); returns how many. */
export function purgeIdempotency(db: Queryable, now: Date): number {
  return db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .run().changes
}
