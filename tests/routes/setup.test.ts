import { describe, expect, it } from 'vitest'
import { issueSetupToken } from '~/domain/people/setup.server'
import { countUsers } from '~/domain/people/users.server'
import { getDb } from '~/platform/db.server'
import { action as setupAction, loader as setupLoader } from '~/routes/setup'
import { loader as signInLoader } from '~/routes/sign-in'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

// A production database with no users and demo mode off: the first admin is created once,
// through the setup page, with the token the server printed. No known password ever exists.
describe('first-run setup', () => {
  it('creates the first admin only with the printed token, then closes', async () => {
    const token = issueSetupToken(getDb(), new Date())
    expect(
      payloadOf<{ needsSetup: boolean }>(await signInLoader(getArgs('/sign-in'))).needsSetup,
    ).toBe(true)
    expect(
      payloadOf<{ tokenValid: boolean }>(await setupLoader(getArgs(`/setup?token=${token}`)))
        .tokenValid,
    ).toBe(true)

    const fields = {
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: 'a-long-enough-password',
    }
    const wrong = await settle(() =>
      setupAction(postArgs('/setup', { ...fields, token: 'guessed' })),
    )
    expect(statusOf(wrong)).toBe(400)
    expect(countUsers(getDb())).toBe(0)

    const short = await settle(() =>
      setupAction(postArgs('/setup', { ...fields, password: 'short', token })),
    )
    expect(statusOf(short)).toBe(400)
    expect(
      payloadOf<{ result: { error: Record<string, string[]> } }>(short).result.error.password,
    ).toEqual(['Use at least 12 characters'])

    for (const [password, why] of [
      ['password1234', 'This is one of the most common passwords'],
      ['ada@example.com', 'A password must not contain your e-mail address or name'],
      ['Admin-2026-xyz', 'A password must not contain your e-mail address or name'],
    ] as const) {
      const weak = await settle(() =>
        setupAction(postArgs('/setup', { ...fields, password, token })),
      )
      expect(statusOf(weak), password).toBe(400)
      expect(
        payloadOf<{ result: { error: Record<string, string[]> } }>(weak).result.error.password,
      ).toEqual([why])
    }
    expect(countUsers(getDb())).toBe(0)

    const done = await settle(() => setupAction(postArgs('/setup', { ...fields, token })))
    expect(locationOf(done)).toBe('/sign-in?setup=done')
    expect(countUsers(getDb())).toBe(1)
    await signInAs('ada@example.com', 'a-long-enough-password')

    // The token is spent and the page is gone.
    expect(locationOf(await settle(() => setupLoader(getArgs(`/setup?token=${token}`))))).toBe(
      '/sign-in',
    )
    const again = await settle(() =>
      setupAction(postArgs('/setup', { ...fields, email: 'eve@example.com', token })),
    )
    expect(statusOf(again)).toBe(400)
    expect(countUsers(getDb())).toBe(1)
  })
})
