import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  createSession,
  deleteSession,
  findSessionUser,
  isSessionExpired,
  purgeExpiredSessions,
  SESSION_IDLE_MS,
  sessionKey,
  sessionLimits,
} from '~/platform/session.server'
import type { DB } from '~db/connection'
import { sessions, userRoles, users } from '~db/schema'
import { memoryDb } from '../support/memory-db'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const t0 = new Date('2026-03-02T09:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

const limits = sessionLimits(30)

describe('session expiry', () => {
  it('lives 30 days from sign-in by default (SESSION_MAX_AGE_DAYS), and 7 days unused', () => {
    expect(sessionLimits()).toEqual({ maxAgeMs: 30 * DAY, idleMs: 7 * DAY })
    expect(SESSION_IDLE_MS).toBe(7 * DAY)
    // A lifetime shorter than a week bounds the idle limit too.
    expect(sessionLimits(2)).toEqual({ maxAgeMs: 2 * DAY, idleMs: 2 * DAY })
  })

  it('expires after exactly 7 days of disuse', () => {
    const session = { createdAt: t0, lastUsedAt: t0 }
    expect(isSessionExpired(session, at(7 * DAY - 1), limits)).toBe(false)
    expect(isSessionExpired(session, at(7 * DAY), limits)).toBe(true)
  })

  it('expires exactly 30 days after sign-in however recently it was used', () => {
    const session = { createdAt: t0, lastUsedAt: at(30 * DAY - HOUR) }
    expect(isSessionExpired(session, at(30 * DAY - 1), limits)).toBe(false)
    expect(isSessionExpired(session, at(30 * DAY), limits)).toBe(true)
    expect(
      isSessionExpired({ createdAt: t0, lastUsedAt: at(300 * DAY) }, at(300 * DAY + HOUR), limits),
    ).toBe(true)
  })

  let db: DB
  let userId: number
  beforeEach(() => {
    db = memoryDb()
    userId = db
      .insert(users)
      .values({ email: 'r@x.test', name: 'R', passwordHash: 'x' })
      .returning()
      .get().id
    db.insert(userRoles).values({ userId, role: 'rep' }).run()
  })

  it('a session used every few days ends 30 days after sign-in', () => {
    const id = createSession(db, userId, t0)
    for (let day = 6; day < 30; day += 6) {
      expect(findSessionUser(db, id, at(day * DAY), limits)?.roles).toEqual(['rep'])
    }
    expect(findSessionUser(db, id, at(30 * DAY - 1), limits)?.id).toBe(userId)
    expect(findSessionUser(db, id, at(30 * DAY), limits)).toBeNull()
    // An expired session is removed.
    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionKey(id)))
        .get(),
    ).toBeUndefined()
  })

  it('is stored under the hash of its token: what the database holds does not sign anyone in', () => {
    const token = createSession(db, userId, t0)
    const stored = db
      .select({ id: sessions.id })
      .from(sessions)
      .all()
      .map((r) => r.id)
    expect(stored).toContain(sessionKey(token))
    expect(stored).not.toContain(token)
    expect(findSessionUser(db, token, t0, limits)?.id).toBe(userId)
    expect(findSessionUser(db, sessionKey(token), t0, limits)).toBeNull()
    deleteSession(db, token)
    expect(findSessionUser(db, token, t0, limits)).toBeNull()
  })

  it('the purge deletes sessions past either limit, and only those', () => {
    const old = createSession(db, userId, at(-30 * DAY))
    db.update(sessions)
      .set({ lastUsedAt: at(-HOUR) })
      .where(eq(sessions.id, sessionKey(old)))
      .run()
    const idle = createSession(db, userId, at(-7 * DAY))
    const live = createSession(db, userId, at(-6 * DAY))
    purgeExpiredSessions(db, t0, limits)
    expect(db.select({ id: sessions.id }).from(sessions).all()).toEqual([{ id: sessionKey(live) }])
    expect([old, idle]).not.toContain(live)
  })

  it('records use at most once an hour', () => {
    const id = createSession(db, userId, t0)
    findSessionUser(db, id, at(30 * 60_000), limits)
    expect(db.select().from(sessions).get()?.lastUsedAt).toEqual(t0)
    findSessionUser(db, id, at(HOUR), limits)
    expect(db.select().from(sessions).get()?.lastUsedAt).toEqual(at(HOUR))
  })

  it('a deactivated user’s session finds nobody', () => {
    const id = createSession(db, userId, t0)
    db.update(users).set({ active: false }).where(eq(users.id, userId)).run()
    expect(findSessionUser(db, id, at(1000), limits)).toBeNull()
  })
})
