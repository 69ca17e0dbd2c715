import { and, eq, gt, lt } from 'drizzle-orm'
import type { DB, Queryable } from '~db/connection'
import { signInAttempts } from '~db/schema'

export const MINUTE = 60_000

type LockoutRule = { maxFailures: number; windowMs: number; lockMs: number }

export const EMAIL_RULE: LockoutRule = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
}
export const ADDRESS_RULE: LockoutRule = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
}

/**
 * Given the failure times (ms, any order) since the last successful sign-in, returns the
 * instant until which sign-in is refused, or null. A lock starts at the failure that makes
 * `maxFailures` within `windowMs`, and lasts `lockMs` from then.
 */
export function lockedUntil(failures: number[], rule: LockoutRule, now: number): number | null {
  const times = [...failures].sort((a, b) => a - b)
  let until: number | null = null
  for (let i = rule.maxFailures - 1; i < times.length; i++) {
    const last = times[i] as number
    const first = times[i - rule.maxFailures + 1] as number
    if (last - first < rule.windowMs) until = Math.max(until ?? 0, last + rule.lockMs)
  }
  return until !== null && until > now ? until : null
}

// For an e-mail, a successful sign-in clears the earlier failures (it was the owner). For an
// address it does not: signing in to one's own account must not reset guessing at others.
function recentFailures(
  db: Queryable,
  column: typeof signInAttempts.email | typeof signInAttempts.address,
  value: string,
  since: number,
): number[] {
  const rows = db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(column, value), gt(signInAttempts.at, new Date(since))))
    .orderBy(signInAttempts.at)
    .all()
  const lastSuccess = column === signInAttempts.email ? rows.findLastIndex((r) => r.succeeded) : -1
  return rows
    .slice(lastSuccess + 1)
    .filter((r) => !r.succeeded)
    .map((r) => r.at.getTime())
}

/** The instant until which sign-in is refused for this e-mail or address, or null. */
export function signInLockedUntil(
  db: Queryable,
  attempt: { email: string; address: string },
  now: Date,
): Date | null {
  const t = now.getTime()
  const byEmail = lockedUntil(
    recentFailures(
      db,
      signInAttempts.email,
      attempt.email,
      t - EMAIL_RULE.windowMs - EMAIL_RULE.lockMs,
    ),
    EMAIL_RULE,
    t,
  )
  const byAddress = lockedUntil(
    recentFailures(
      db,
      signInAttempts.address,
      attempt.address,
      t - ADDRESS_RULE.windowMs - ADDRESS_RULE.lockMs,
    ),
    ADDRESS_RULE,
    t,
  )
  const until = Math.max(byEmail ?? 0, byAddress ?? 0)
  return until > 0 ? new Date(until) : null
}

/**
 * Checks the locks and, unless locked, records the attempt as failed, in one immediate
 * transaction: concurrent attempts queue here, so a burst of parallel guesses cannot all pass
 * the check before any of them is counted. Mark it succeeded once the password is verified.
 */
export function beginSignInAttempt(
  db: DB,
  attempt: { email: string; address: string },
  now: Date,
): { locked: Date } | { attemptId: number } {
  return db.transaction(
    (tx) => {
      const locked = signInLockedUntil(tx, attempt, now)
      if (locked) return { locked }
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

export function markSignInSucceeded(db: DB, attemptId: number) {
  db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId)).run()
}

export function purgeSignInAttempts(db: DB, now: Date) {
  db.delete(signInAttempts)
    .where(lt(signInAttempts.at, new Date(now.getTime() - 24 * 60 * MINUTE)))
    .run()
}
