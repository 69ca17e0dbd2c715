import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  createSession,
  findSessionUser,
  isSessionExpired,
  SESSION_IDLE_MS,
} from '~/platform/session.server'
import type { DB } from '~db/connection'
import { sessions, userRoles, users } from '~db/schema'
import { memoryDb } from '../support/memory-db'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const t0 = new Date('2026-03-02T09:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

describe('session expiry', () => {
  it('expires after exactly 30 days of disuse', () => {
    expect(SESSION_IDLE_MS).toBe(30 * DAY)
    expect(isSessionExpired(t0, at(30 * DAY - 1))).toBe(false)
    expect(isSessionExpired(t0, at(30 * DAY))).toBe(true)
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

  it('a session in use keeps living past 30 days from sign-in', () => {
    const id = createSession(db, userId, t0)
    expect(findSessionUser(db, id, at(20 * DAY))?.roles).toEqual(['rep'])
    // 40 days after sign-in, but only 20 since last use.
    expect(findSessionUser(db, id, at(40 * DAY))?.id).toBe(userId)
    expect(findSessionUser(db, id, at(70 * DAY - 1))?.id).toBe(userId)
    expect(findSessionUser(db, id, at(100 * DAY))).toBeNull()
    // An expired session is removed.
    expect(db.select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined()
  })

  it('records use at most once an hour', () => {
    const id = createSession(db, userId, t0)
    findSessionUser(db, id, at(30 * 60_000))
    expect(db.select().from(sessions).get()?.lastUsedAt).toEqual(t0)
    findSessionUser(db, id, at(HOUR))
    expect(db.select().from(sessions).get()?.lastUsedAt).toEqual(at(HOUR))
  })

  it('a deactivated user’s session finds nobody', () => {
    const id = createSession(db, userId, t0)
    db.update(users).set({ active: false }).where(eq(users.id, userId)).run()
    expect(findSessionUser(db, id, at(1000))).toBeNull()
  })
})
