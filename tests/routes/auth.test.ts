import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/platform/db.server'
import { loader as rootLoader } from '~/root'
import { loader as homeLoader } from '~/routes/_index'
import { loader as usersLoader } from '~/routes/admin.users._index'
import { action as signInAction, loader as signInLoader } from '~/routes/sign-in'
import { action as signOutAction } from '~/routes/sign-out'
import { sessions, users } from '~db/schema'
import { createUser, seedTeam, TEAM } from '../support/factories'
import {
  cookieFrom,
  getArgs,
  locationOf,
  payloadOf,
  postArgs,
  settle,
  statusOf,
} from '../support/http'
import { PASSWORD, signInAs } from '../support/users'

beforeAll(async () => {
  await seedTeam()
})

const signIn = (fields: Record<string, string>, options: Parameters<typeof postArgs>[2] = {}) =>
  settle(() => signInAction(postArgs('/sign-in', fields, options)))

const DAY = 24 * 3600 * 1000

type Reply = { result: { status: string; error?: Record<string, string[] | null> } }

describe('sign in and out', () => {
  it.each(TEAM.map((u) => [u.email, u.roles] as const))(
    '%s signs in, sees their roles, and signs out',
    async (email, roles) => {
      const response = await signIn({ email, password: PASSWORD })
      expect(statusOf(response)).toBe(302)
      expect(locationOf(response)).toBe('/')
      const setCookie = (response as Response).headers.get('Set-Cookie') ?? ''
      expect(setCookie).toMatch(/HttpOnly/i)
      expect(setCookie).toMatch(/SameSite=Lax/i)
      const cookie = setCookie.split(';')[0] as string

      const home = payloadOf<{ roles: string[] }>(await homeLoader(getArgs('/', { cookie })))
      expect(home.roles).toEqual(roles)
      const root = payloadOf<{ user: { roles: string[] } | null }>(
        await rootLoader(getArgs('/', { cookie })),
      )
      expect(root.user?.roles).toEqual(roles)

      const out = await settle(() => signOutAction(postArgs('/sign-out', {}, { cookie })))
      expect(locationOf(out)).toBe('/sign-in')
      const after = await settle(() => homeLoader(getArgs('/', { cookie })))
      expect(statusOf(after)).toBe(302)
      expect(locationOf(after)).toBe('/sign-in')
    },
  )

  it('gives a new session id at every sign-in and deletes it on sign-out', async () => {
    const first = await signInAs('omar@brightline.test')
    const second = await signInAs('omar@brightline.test')
    expect(first).not.toBe(second)
    const omar = getDb().select().from(users).where(eq(users.email, 'omar@brightline.test')).get()
    const before = getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, omar?.id ?? 0))
      .all()
    expect(before).toHaveLength(2)
    await signOutAction(postArgs('/sign-out', {}, { cookie: first }))
    const remaining = getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, omar?.id ?? 0))
      .all()
    expect(remaining).toHaveLength(1)
    // The other session is untouched: signing out ends only this browser's session.
    expect(statusOf(await settle(() => homeLoader(getArgs('/', { cookie: second }))))).toBe(200)
  })

  it('sends a signed-in user away from the sign-in page', async () => {
    const cookie = await signInAs('lucy@brightline.test')
    const result = await settle(() => signInLoader(getArgs('/sign-in', { cookie })))
    expect(locationOf(result)).toBe('/')
  })

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const back = await signIn({
      email: 'felix@brightline.test',
      password: PASSWORD,
      redirectTo: '/audit',
    })
    expect(locationOf(back)).toBe('/audit')
    for (const redirectTo of [
      '//evil.test/x',
      '/\\evil.test/x',
      '/\tevil.test',
      'https://evil.test',
      '/\n/evil.test',
    ]) {
      const away = await signIn({ email: 'felix@brightline.test', password: PASSWORD, redirectTo })
      expect(locationOf(away), redirectTo).toBe('/')
    }
  })

  it('refuses a tampered cookie', async () => {
    const cookie = await signInAs('ben@brightline.test')
    const [name, value] = cookie.split('=') as [string, string]
    const tampered = `${name}=${value.slice(0, -3)}abc`
    const result = await settle(() => homeLoader(getArgs('/', { cookie: tampered })))
    expect(locationOf(result)).toBe('/sign-in')
  })
})

describe('refusals', () => {
  it('a wrong password gets 400 and a plain message, and no session', async () => {
    const sessionsBefore = getDb().select().from(sessions).all().length
    const result = await signIn({ email: 'maya@brightline.test', password: 'not-her-password' })
    expect(statusOf(result)).toBe(400)
    expect(getDb().select().from(sessions).all()).toHaveLength(sessionsBefore)
    expect(payloadOf<Reply>(result).result.error?.['']).toEqual([
      'That e-mail and password do not match an active account.',
    ])
  })

  it('an unknown e-mail gets the same message as a wrong password', async () => {
    const result = await signIn({ email: 'nobody@brightline.test', password: 'whatever-it-is' })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf<Reply>(result).result.error?.['']).toEqual([
      'That e-mail and password do not match an active account.',
    ])
  })

  it('invalid input gets 400 with field errors', async () => {
    const result = await signIn({ email: 'not-an-email', password: '' })
    expect(statusOf(result)).toBe(400)
    const error = payloadOf<Reply>(result).result.error
    expect(error?.email).toEqual(['Enter a valid e-mail address, like name@company.com'])
    expect(error?.password).toEqual(['Enter your password'])
  })

  it('a rep asking for an admin page gets 403', async () => {
    const cookie = await signInAs('dana@brightline.test')
    const result = await settle(() => usersLoader(getArgs('/admin/users', { cookie })))
    expect(statusOf(result)).toBe(403)
  })

  it('someone signed out asking for an admin page is sent to sign in first', async () => {
    const result = await settle(() => usersLoader(getArgs('/admin/users')))
    expect(locationOf(result)).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers')
  })

  it('a cross-origin POST gets 403, as does one with neither Origin nor Referer', async () => {
    const cross = await signIn(
      { email: 'dana@brightline.test', password: PASSWORD },
      { origin: 'https://evil.test' },
    )
    expect(statusOf(cross)).toBe(403)
    const none = await signIn(
      { email: 'dana@brightline.test', password: PASSWORD },
      { origin: null },
    )
    expect(statusOf(none)).toBe(403)
    const cookie = await signInAs('dana@brightline.test')
    const signOut = await settle(() =>
      signOutAction(postArgs('/sign-out', {}, { cookie, origin: 'https://evil.test' })),
    )
    expect(statusOf(signOut)).toBe(403)
  })

  it('a session idle for 7 days has expired', async () => {
    const cookie = await signInAs('omar@brightline.test')
    const db = getDb()
    const omar = db.select().from(users).where(eq(users.email, 'omar@brightline.test')).get()
    db.update(sessions)
      .set({ lastUsedAt: new Date(Date.now() - 7 * DAY - 1000) })
      .where(eq(sessions.userId, omar?.id ?? 0))
      .run()
    const result = await settle(() => homeLoader(getArgs('/', { cookie })))
    expect(locationOf(result)).toBe('/sign-in')
  })

  it('a session created 300 days ago and used within the hour is refused', async () => {
    const now = new Date()
    const signedIn = await signIn(
      { email: 'lucy@brightline.test', password: PASSWORD },
      { now: new Date(now.getTime() - 300 * DAY) },
    )
    const cookie = cookieFrom(signedIn as Response)
    getDb()
      .update(sessions)
      .set({ lastUsedAt: new Date(now.getTime() - 30 * 60_000) })
      .where(eq(sessions.createdAt, new Date(now.getTime() - 300 * DAY)))
      .run()
    const result = await settle(() => homeLoader(getArgs('/', { cookie, now })))
    expect(locationOf(result)).toBe('/sign-in')
  })

  it('the cookie lives as long as the session may: 30 days', async () => {
    const response = await signIn({ email: 'lucy@brightline.test', password: PASSWORD })
    const setCookie = (response as Response).headers.get('Set-Cookie') ?? ''
    expect(setCookie).toContain(`Max-Age=${30 * 24 * 3600};`)
  })
})

describe('sign-in throttling (decision 22)', () => {
  const t0 = Date.UTC(2026, 10, 27, 14, 0, 0)
  const at = (seconds: number) => new Date(t0 + seconds * 1000)

  it('5 wrong passwords from one address for Bob’s e-mail; Bob at another address signs in', async () => {
    // Bob is new, so no sign-in of his elsewhere in this file clears the old lock's count.
    await createUser({ name: 'Bob Stone', roles: ['rep'] })
    const email = 'bob@brightline.test'
    for (let i = 0; i < 5; i++) {
      const guess = await signIn(
        { email, password: `wrong-${i}-password` },
        { address: '198.51.100.1', now: at(i * 60) },
      )
      expect(statusOf(guess)).toBe(400)
    }
    const bob = await signIn(
      { email, password: PASSWORD },
      { address: '198.51.100.2', now: at(241) },
    )
    expect(statusOf(bob)).toBe(302)
  })

  it('the pair slows down: after 3 failures, 10 s, then 20 s, with a 429 and Retry-After', async () => {
    const email = 'clara@brightline.test'
    const address = '198.51.100.10'
    for (const s of [0, 1, 2]) {
      expect(
        statusOf(await signIn({ email, password: 'a-wrong-guess' }, { address, now: at(s) })),
      ).toBe(400)
    }
    const held = await signIn({ email, password: PASSWORD }, { address, now: at(2.5) })
    expect(statusOf(held)).toBe(429)
    expect((held as { init: ResponseInit }).init.headers).toEqual({ 'Retry-After': '10' })
    expect(payloadOf<Reply>(held).result.error?.['']).toEqual([
      'Too many attempts; try again in 10 seconds.',
    ])
    // At 12 s the wait is over: the guess is checked, and the next wait is 20 s from it.
    expect(
      statusOf(await signIn({ email, password: 'a-wrong-guess' }, { address, now: at(12) })),
    ).toBe(400)
    const again = await signIn({ email, password: PASSWORD }, { address, now: at(13) })
    expect(payloadOf<Reply>(again).result.error?.['']).toEqual([
      'Too many attempts; try again in 19 seconds.',
    ])
    expect(statusOf(await signIn({ email, password: PASSWORD }, { address, now: at(32) }))).toBe(
      302,
    )
  })

  it('rotating addresses (a forged X-Forwarded-For) does not escape the account rule', async () => {
    const email = 'ben@brightline.test'
    for (let i = 0; i < 10; i++) {
      const guess = await signIn(
        { email, password: `guess-number-${i}` },
        { address: `203.0.113.${100 + i}`, now: at(100 + i * 0.1) },
      )
      expect(statusOf(guess)).toBe(400)
    }
    const next = await signIn(
      { email, password: 'guess-number-10' },
      { address: '203.0.113.200', now: at(100.95) },
    )
    expect(statusOf(next)).toBe(429)
    expect(payloadOf<Reply>(next).result.error?.['']).toEqual([
      'Too many attempts; try again in 1 second.',
    ])
  })

  it('20 failures across accounts from one proxy address; a user who signed in from it before signs in', async () => {
    const proxy = '10.0.0.1'
    const erin = 'erin@brightline.test'
    expect(
      statusOf(
        await signIn({ email: erin, password: PASSWORD }, { address: proxy, now: at(-86_400) }),
      ),
    ).toBe(302)
    for (let i = 0; i < 20; i++) {
      const guess = await signIn(
        { email: `guess${i}@brightline.test`, password: 'wrong-password' },
        { address: proxy, now: at(i) },
      )
      expect(statusOf(guess)).toBe(400)
    }
    expect(
      statusOf(await signIn({ email: erin, password: PASSWORD }, { address: proxy, now: at(20) })),
    ).toBe(302)
    // Someone new at that address waits 5 s after the last failure, no longer.
    const fresh = { email: 'sasha@brightline.test', password: PASSWORD }
    expect(statusOf(await signIn(fresh, { address: proxy, now: at(20) }))).toBe(429)
    expect(statusOf(await signIn(fresh, { address: proxy, now: at(24) }))).toBe(302)
  })

  it('a burst of parallel guesses from one address is counted as it arrives: 3 are checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(
          { email: 'maya@brightline.test', password: `parallel-guess-${i}` },
          { address: '198.51.100.50', now: at(500) },
        ),
      ),
    )
    const statuses = results.map(statusOf)
    expect(statuses.filter((s) => s === 400)).toHaveLength(3)
    expect(statuses.filter((s) => s === 429)).toHaveLength(9)
  })

  it('tells the owner of the failed attempts at their next sign-in, once', async () => {
    const email = 'felix@brightline.test'
    await signIn(
      { email, password: 'not-felix-password' },
      { address: '203.0.113.9', now: at(1000) },
    )
    await signIn(
      { email, password: 'not-felix-password' },
      { address: '203.0.113.9', now: at(1001) },
    )
    await signIn({ email, password: 'still-not-felix' }, { address: '203.0.113.9', now: at(1320) })
    const signedIn = await signIn({ email, password: PASSWORD }, { now: at(4000) })
    const cookie = cookieFrom(signedIn as Response)
    const home = payloadOf<{ signInNotice: string | null }>(
      await homeLoader(getArgs('/', { cookie, now: at(4001) })),
    )
    expect(home.signInNotice).toBe(
      '3 failed sign-in attempts since your last sign-in, the last on 27 Nov 2026, 14:22 GMT from 203.0.113.9. If that was not you, your password held; tell your admin.',
    )
    const again = payloadOf<{ signInNotice: string | null }>(
      await homeLoader(getArgs('/', { cookie, now: at(4002) })),
    )
    expect(again.signInNotice).toBeNull()
  })
})
