import { randomBytes } from 'node:crypto'
import { eq, lt } from 'drizzle-orm'
import type { DB, Queryable } from '~db/connection'
import { type Role, type Seat, sessions, userRoles, users } from '~db/schema'

export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000
// Recording every request's use would make every page view a write; once an hour is enough
// for a 30-day idle limit.
const TOUCH_EVERY_MS = 60 * 60 * 1000

export type SessionUser = {
  id: number
  name: string
  email: string
  roles: Role[]
  seat: Seat | null
  isChair: boolean
  mustChangePassword: boolean
}

export function createSession(db: Queryable, userId: number, now: Date): string {
  const id = randomBytes(32).toString('base64url')
  db.insert(sessions).values({ id, userId, createdAt: now, lastUsedAt: now }).run()
  return id
}

export function isSessionExpired(lastUsedAt: Date, now: Date): boolean {
  return now.getTime() - lastUsedAt.getTime() >= SESSION_IDLE_MS
}

export function loadSessionUser(db: Queryable, userId: number): SessionUser | null {
  const user = db
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
    .where(eq(users.id, userId))
    .get()
  if (!user?.active) return null
  const roles = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role)
  const { active: _active, ...rest } = user
  return { ...rest, roles }
}

/** The signed-in user for a session id, or null when the session is unknown, idle too long, or the user is inactive. */
export function findSessionUser(db: DB, sessionId: string, now: Date): SessionUser | null {
  const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get()
  if (!session) return null
  if (isSessionExpired(session.lastUsedAt, now)) {
    db.delete(sessions).where(eq(sessions.id, sessionId)).run()
    return null
  }
  const user = loadSessionUser(db, session.userId)
  if (!user) return null
  if (now.getTime() - session.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId)).run()
  }
  return user
}

export function deleteSession(db: Queryable, sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run()
}

export function endUserSessions(db: Queryable, userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
}

export function purgeExpiredSessions(db: Queryable, now: Date) {
  db.delete(sessions)
    .where(lt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS)))
    .run()
}
