import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/platform/db.server'
import { beginSignInAttempt } from '~/platform/rate-limit.server'
import { loader as rootLoader } from '~/root'
import { loader as homeLoader } from '~/routes/_index'
import { loader as usersLoader } from '~/routes/admin.users._index'
import { action as signInAction, loader as signInLoader } from '~/routes/sign-in'
import { action as signOutAction } from '~/routes/sign-out'
import { sessions, users } from '~db/schema'
import { seedTeam, TEAM } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { PASSWORD, signInAs } from '../support/users'

beforeAll(async () => {
  await seedTeam()
})

const signIn = (fields: Record<string, string>, options: Parameters<typeof postArgs>[2] = {}) =>
  settle(() => signInAction(postArgs('/sign-in', fields, options)))

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

  it('a session idle for 30 days has expired', async () => {
    const cookie = await signInAs('omar@brightline.test')
    const db = getDb()
    const omar = db.select().from(users).where(eq(users.email, 'omar@brightline.test')).get()
    db.update(sessions)
      .set({ lastUsedAt: new Date(Date.now() - 30 * 24 * 3600 * 1000 - 1000) })
      .where(eq(sessions.userId, omar?.id ?? 0))
      .run()
    const result = await settle(() => homeLoader(getArgs('/', { cookie })))
    expect(locationOf(result)).toBe('/sign-in')
  })
})

describe('rate limit', () => {
  it('after 5 failures for one e-mail, refuses even the right password for 15 minutes', async () => {
    const email = 'victor@brightline.test'
    for (let i = 0; i < 5; i++) {
      const attempt = await signIn(
        { email, password: `wrong-${i}-password` },
        { address: `198.51.100.${i}` },
      )
      expect(statusOf(attempt)).toBe(400)
    }
    const locked = await signIn({ email, password: PASSWORD }, { address: '198.51.100.99' })
    expect(statusOf(locked)).toBe(429)
    expect(payloadOf<Reply>(locked).result.error?.['']?.[0]).toBe(
      'Too many failed sign-in attempts. Sign-in is paused for 15 more minute(s); try again then.',
    )
    // Another account is not affected.
    expect(statusOf(await signIn({ email: 'clara@brightline.test', password: PASSWORD }))).toBe(302)
  })

  it('a burst of parallel guesses is counted as it arrives: at most 5 are checked', async () => {
    const email = 'ben@brightline.test'
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn({ email, password: `parallel-guess-${i}` }, { address: `198.51.100.${100 + i}` }),
      ),
    )
    const statuses = results.map(statusOf)
    expect(statuses.filter((s) => s === 400)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(7)
  })

  it('after 20 failures from one address, refuses every e-mail from it', async () => {
    const address = '192.0.2.50'
    const now = new Date()
    // 19 earlier failures against different e-mails within the last minutes...
    for (let i = 0; i < 19; i++) {
      beginSignInAttempt(
        getDb(),
        { email: `guess${i}@brightline.test`, address },
        new Date(now.getTime() - (19 - i) * 10_000),
      )
    }
    // ...the 20th through the page...
    expect(
      statusOf(
        await signIn({ email: 'guess19@brightline.test', password: 'wrong-password' }, { address }),
      ),
    ).toBe(400)
    // ...and now even a real account with its right password is refused from that address.
    const locked = await signIn({ email: 'erin@brightline.test', password: PASSWORD }, { address })
    expect(statusOf(locked)).toBe(429)
    expect(
      statusOf(
        await signIn(
          { email: 'erin@brightline.test', password: PASSWORD },
          { address: '192.0.2.51' },
        ),
      ),
    ).toBe(302)
  })
})
