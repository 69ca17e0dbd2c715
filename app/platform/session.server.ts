import { createHash, randomBytes } from 'node:crypto'
import { eq, lte, or, sql } from 'drizzle-orm'
import { type DB, preparedQuery, type Queryable } from '~db/connection'
import { type Role, type Seat, sessions, userRoles, users } from '~db/schema'
import { getEnv } from './env.server'

const DAY_MS = 24 * 60 * 60 * 1000
/** A session ends after this long unused (decision 22), or sooner if its lifetime is shorter. */
export const SESSION_IDLE_MS = 7 * DAY_MS
// Recording every request's use would make every page view a write; once an hour is enough
// for a 7-day idle limit.
const TOUCH_EVERY_MS = 60 * 60 * 1000

/** How long a session lives: `maxAgeMs` from sign-in at most (the cookie's lifetime too), `idleMs` unused. */
export type SessionLimits = { maxAgeMs: number; idleMs: number }

/** The limits SESSION_MAX_AGE_DAYS sets: an absolute lifetime, and the idle one within it. */
export function sessionLimits(maxAgeDays = getEnv().SESSION_MAX_AGE_DAYS): SessionLimits {
  const maxAgeMs = maxAgeDays * DAY_MS
  return { maxAgeMs, idleMs: Math.min(SESSION_IDLE_MS, maxAgeMs) }
}

export type SessionUser = {
  id: number
  name: string
  email: string
  roles: Role[]
  seat: Seat | null
  isChair: boolean
  mustChangePassword: boolean
  /** When this session was opened (the home page tells of failed sign-ins before it). */
  signedInAt: Date
}

/**
 * The key a session is stored under: the SHA-256 of the cookie's token, so that whoever reads the
 * database or a backup of it cannot sign in with what they read. (Sessions stored under their
 * token before this are simply not found: their owners sign in again.)
 */
export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Opens a session; returns its token, for the cookie (the database keeps only its hash). */
export function createSession(db: Queryable, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url')
  db.insert(sessions)
    .values({ id: sessionKey(token), userId, createdAt: now, lastUsedAt: now })
    .run()
  return token
}

/** Whether a session opened at `createdAt` and last used at `lastUsedAt` has ended by `now`. */
export function isSessionExpired(
  session: { createdAt: Date; lastUsedAt: Date },
  now: Date,
  limits: SessionLimits = sessionLimits(),
): boolean {
  const t = now.getTime()
  return (
    t - session.createdAt.getTime() >= limits.maxAgeMs ||
    t - session.lastUsedAt.getTime() >= limits.idleMs
  )
}

// Every request reads these three: prepared once per connection (preparedQuery).
const sessionByKey = (db: Queryable) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('key')))
    .prepare()
const userById = (db: Queryable) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      seat: users.seat,
      isChair: users.isChair,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare()
const rolesOf = (db: Queryable) =>
  db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('id')))
    .prepare()

export function loadSessionUser(
  db: Queryable,
  userId: number,
  signedInAt: Date,
): SessionUser | null {
  const user = preparedQuery(db, userById).get({ id: userId })
  if (!user?.active) return null
  const roles = preparedQuery(db, rolesOf)
    .all({ id: userId })
    .map((r) => r.role)
  const { active: _active, ...rest } = user
  return { ...rest, roles, signedInAt }
}

/**
 * The signed-in user for a session id, or null when the session is unknown, past its lifetime
 * or idle too long (it is deleted then), or the user is inactive.
 */
export function findSessionUser(
  db: DB,
  sessionId: string,
  now: Date,
  limits: SessionLimits = sessionLimits(),
): SessionUser | null {
  const key = sessionKey(sessionId)
  const session = preparedQuery(db, sessionByKey).get({ key })
  if (!session) return null
  if (isSessionExpired(session, now, limits)) {
    db.delete(sessions).where(eq(sessions.id, key)).run()
    return null
  }
  const user = loadSessionUser(db, session.userId, session.createdAt)
  if (!user) return null
  if (now.getTime() - session.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, key)).run()
  }
  return user
}

export function deleteSession(db: Queryable, sessionId: string) {
  db.delete(sessions)
    .where(eq(sessions.id, sessionKey(sessionId)))
    .run()
}

export function endUserSessions(db: Queryable, userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
}

/** Deletes every session past its lifetime or idle limit. */
export function purgeExpiredSessions(
  db: Queryable,
  now: Date,
  limits: SessionLimits = sessionLimits(),
) {
  const t = now.getTime()
  db.delete(sessions)
    .where(
      or(
        lte(sessions.createdAt, new Date(t - limits.maxAgeMs)),
        lte(sessions.lastUsedAt, new Date(t - limits.idleMs)),
      ),
    )
    .run()
}
