// Finding 2 of issue 14: after a valid sign-in, `redirectTo=/.//evil.test` answered
// `Location: //evil.test`. The sign-in action now only ever sends the browser to this site.
import { beforeAll, describe, expect, it } from 'vitest'
import { action as signInAction } from '~/routes/sign-in'
import { seedTeam } from '../support/factories'
import { locationOf, ORIGIN, postArgs, settle, statusOf } from '../support/http'
import { PASSWORD } from '../support/users'

beforeAll(async () => {
  await seedTeam()
})

const signIn = (redirectTo: string) =>
  settle(() =>
    signInAction(
      postArgs('/sign-in', { email: 'felix@brightline.test', password: PASSWORD, redirectTo }),
    ),
  )

describe('the sign-in redirect', () => {
  it.each([
    '/.//evil.test',
    '/..//evil.test',
    '/%2e%2e//evil.test',
    '//evil.test',
    '/\\evil.test',
    '/\t/evil.test',
    'https://evil.test',
  ])('a valid sign-in with redirectTo=%j stays on the app', async (redirectTo) => {
    const response = await signIn(redirectTo)
    expect(statusOf(response)).toBe(302)
    const location = locationOf(response) as string
    expect(location).toBe('/')
    expect(new URL(location, ORIGIN).origin).toBe(ORIGIN)
  })

  it('returns to a page on the app with its query and hash', async () => {
    const response = await signIn('/reports/accuracy?period=week#by-rep')
    expect(locationOf(response)).toBe('/reports/accuracy?period=week#by-rep')
  })
})
