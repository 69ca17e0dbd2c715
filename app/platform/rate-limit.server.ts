// Sign-in throttling (decision 22): slow guessing down, never lock the owner out.
//
// Three rules, each "after `free` failures in `windowMs`, the next attempt waits until
// baseMs × 2^(failures − free) after the last failure, at most capMs":
// - the pair (e-mail, address): the guesser at one address slows down fast, and nobody else
//   is refused because of it; the pair's success clears its count;
// - the account (e-mail, any address): guessing from many addresses (or a forged
//   X-Forwarded-For) slows down too, but only to one guess a minute;
// - the address (any e-mail): spraying many accounts from one address slows down.
// An address the account signed in from within KNOWN_ADDRESS_MS is exempt from the account
// and address rules: the owner at their usual place (or behind the company's one proxy
// address) meets only the pair rule, which their attacker elsewhere cannot touch.
import { and, count, eq, gt, lt, max, or, sql } from 'drizzle-orm'
import type { DB, Queryable } from '~db/connection'
import { signInAttempts, users } from '~db/schema'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export type ThrottleRule = { free: number; baseMs: number; capMs: number; windowMs: number }

export const PAIR_RULE: ThrottleRule = {
  free: 3,
  baseMs: 10 * SECOND,
  capMs: 15 * MINUTE,
  windowMs: DAY,
}
export const ACCOUNT_RULE: ThrottleRule = {
  free: 10,
  baseMs: 1 * SECOND,
  capMs: 1 * MINUTE,
  windowMs: DAY,
}
export const ADDRESS_RULE: ThrottleRule = {
  free: 20,
  baseMs: 5 * SECOND,
  capMs: 5 * MINUTE,
  windowMs: HOUR,
}
/** How long a successful sign-in makes its address a known one for the account. */
export const KNOWN_ADDRESS_MS = 30 * DAY

export type ThrottleName = 'pair' | 'account' | 'address'

/**
 * The instant (ms) before which the next attempt is refused, given the number of failures in
 * the rule's window and the time of the last one; null when the rule does not hold it back.
 */
export function waitUntil(
  failures: { count: number; last: number | null },
  rule: ThrottleRule,
  now: number,
): number | null {
  if (failures.count < rule.free || failures.last === null) return null
  const delay = Math.min(rule.capMs, rule.baseMs * 2 ** (failures.count - rule.free))
  const until = failures.last + delay
  return until > now ? until : null
}

function failuresWhere(db: Queryable, where: ReturnType<typeof and>) {
  const row = db
    .select({ count: count(), last: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.succeeded, false), where))
    .get()
  return { count: row?.count ?? 0, last: row?.last ? new Date(row.last).getTime() : null }
}

/** The pair's last success within KNOWN_ADDRESS_MS (ms), or null. */
function lastPairSuccess(db: Queryable, email: string, address: string, now: number) {
  const row = db
    .select({ at: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.address, address),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, new Date(now - KNOWN_ADDRESS_MS)),
      ),
    )
    .get()
  return row?.at ? new Date(row.at).getTime() : null
}

/** Which rule holds this attempt back and until when, or null when it may go ahead. */
export function signInThrottle(
  db: Queryable,
  attempt: { email: string; address: string },
  now: Date,
): { until: Date; rule: ThrottleName } | null {
  const t = now.getTime()
  const { email, address } = attempt
  const known = lastPairSuccess(db, email, address, t)
  const since = (rule: ThrottleRule) => new Date(Math.max(t - rule.windowMs, known ?? 0))
  const pair = failuresWhere(
    db,
    and(
      eq(signInAttempts.email, email),
      eq(signInAttempts.address, address),
      gt(signInAttempts.at, since(PAIR_RULE)),
    ),
  )
  const waits: [ThrottleName, number | null][] = [['pair', waitUntil(pair, PAIR_RULE, t)]]
  if (known === null) {
    const window = (rule: ThrottleRule) => gt(signInAttempts.at, new Date(t - rule.windowMs))
    const account = failuresWhere(db, and(eq(signInAttempts.email, email), window(ACCOUNT_RULE)))
    const byAddress = failuresWhere(
      db,
      and(eq(signInAttempts.address, address), window(ADDRESS_RULE)),
    )
    waits.push(['account', waitUntil(account, ACCOUNT_RULE, t)])
    waits.push(['address', waitUntil(byAddress, ADDRESS_RULE, t)])
  }
  let longest: { until: Date; rule: ThrottleName } | null = null
  for (const [rule, until] of waits) {
    if (until !== null && until > (longest?.until.getTime() ?? 0)) {
      longest = { until: new Date(until), rule }
    }
  }
  return longest
}

/**
 * Checks the throttle and, unless held back, records the attempt as failed, in one immediate
 * transaction: concurrent attempts queue here, so a burst of parallel guesses cannot all pass
 * the check before any of them is counted. A held-back attempt is not recorded (waiting
 * longer does not make the wait longer). Mark it succeeded once the password is verified.
 */
export function beginSignInAttempt(
  db: DB,
  attempt: { email: string; address: string },
  now: Date,
): { wait: { until: Date; rule: ThrottleName } } | { attemptId: number } {
  return db.transaction(
    (tx) => {
      const wait = signInThrottle(tx, attempt, now)
      if (wait) return { wait }
      const { id } = tx
        .insert(signInAttempts)
        .values({ email: attempt.email, address: attempt.address, succeeded: false, at: now })
        .returning({ id: signInAttempts.id })
        .get()
      return { attemptId: id }
    },
    { behavior: 'immediate' },
  )
}

export function markSignInSucceeded(db: Queryable, attemptId: number) {
  db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId)).run()
}

/** Adds a wrong password to the account's tally of failures its owner has not been told of. */
export function recordFailedSignIn(db: DB, userId: number, address: string, now: Date) {
  db.update(users)
    .set({
      failedSignIns: sql`${users.failedSignIns} + 1`,
      lastFailedSignInAt: now,
      lastFailedSignInAddress: address,
    })
    .where(eq(users.id, userId))
    .run()
}

export type FailedSignIns = { count: number; lastAt: Date; lastAddress: string }

/**
 * The failed sign-ins the user has not been told of, for a session signed in after the last
 * of them (so the owner hears of them at their next sign-in, not in a browser that was
 * already signed in); they are reset as they are taken, so they are shown once.
 */
export function takeFailedSignIns(db: DB, userId: number, signedInAt: Date): FailedSignIns | null {
  const row = db
    .select({
      count: users.failedSignIns,
      lastAt: users.lastFailedSignInAt,
      lastAddress: users.lastFailedSignInAddress,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!row || row.count === 0 || !row.lastAt || row.lastAt >= signedInAt) return null
  // Only if no failure came in meanwhile: a page view is a write only when there is news.
  const { changes } = db
    .update(users)
    .set({ failedSignIns: 0, lastFailedSignInAt: null, lastFailedSignInAddress: null })
    .where(and(eq(users.id, userId), eq(users.lastFailedSignInAt, row.lastAt)))
    .run()
  return changes === 1
    ? { count: row.count, lastAt: row.lastAt, lastAddress: row.lastAddress ?? 'unknown' }
    : null
}

/** Failures are kept for the longest window; successes as long as they make an address known. */
export function purgeSignInAttempts(db: DB, now: Date) {
  const t = now.getTime()
  const failuresBefore =
    t - Math.max(PAIR_RULE.windowMs, ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs)
  db.delete(signInAttempts)
    .where(
      or(
        and(eq(signInAttempts.succeeded, false), lt(signInAttempts.at, new Date(failuresBefore))),
        lt(signInAttempts.at, new Date(t - KNOWN_ADDRESS_MS)),
      ),
    )
    .run()
}
