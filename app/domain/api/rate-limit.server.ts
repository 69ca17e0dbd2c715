// The API's rate limit (issue 17, decision 28): requests per token per minute, counted in
// `api_rate_windows` (one row per token and minute), against the token's `rate_per_minute`.
import { lt } from 'drizzle-orm'
import { preparedStatement, type Queryable } from '~db/connection'
import { apiRateWindows } from '~db/schema'

export const WINDOW_MS = 60_000

export type Admission = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number }

const COUNT = `INSERT INTO api_rate_windows (token_id, window_start, requests) VALUES (?, ?, 1)
  ON CONFLICT (token_id, window_start) DO UPDATE SET requests = requests + 1
  RETURNING requests`
const PRUNE = 'DELETE FROM api_rate_windows WHERE token_id = ? AND window_start < ?'

/**
 * Counts one request of a token in the minute `now` falls in (a fixed window, from the start
 * of the minute), and drops the token's earlier windows, in one short immediate transaction.
 * Over the limit, the answer says how many seconds are left until the window ends. A refused
 * request counts too: a client that hammers stays refused until the minute is over.
 */
export function countRequest(db: Queryable, tokenId: number, limit: number, now: Date): Admission {
  const windowStart = now.getTime() - (now.getTime() % WINDOW_MS)
  const requests = db.transaction(
    (tx) => {
      const row = preparedStatement(tx, COUNT).get(tokenId, windowStart) as { requests: number }
      preparedStatement(tx, PRUNE).run(tokenId, windowStart)
      return row.requests
    },
    { behavior: 'immediate' },
  )
  if (requests <= limit) return { ok: true, remaining: limit - requests }
  const left = windowStart + WINDOW_MS - now.getTime()
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) }
}

/** Drops every token's windows of past minutes (the hourly purge; a busy token drops its own). */
export function purgeRateWindows(db: Queryable, now: Date): number {
  const windowStart = now.getTime() - (now.getTime() % WINDOW_MS)
  return db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, windowStart)).run().changes
}
