import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '~/demo/seed.server'
import {
  COMMON_PASSWORD,
  CONTAINS_PERSONAL,
  generateTemporaryPassword,
  HASH_COSTS,
  hashPassword,
  passwordWeakness,
  TOO_GUESSABLE,
  verifyPassword,
} from '~/platform/password.server'

// The rules of verifying do not depend on the cost, so only the first test pays for the
// production parameters (about 0.3 s a hash when the machine is quiet, several seconds when it
// is not); the others hash at the test cost.
const cheap = (password: string) => hashPassword(password, HASH_COSTS.test)

describe('password hashing', () => {
  it('stores scrypt with N=2^17, r=8, p=1 and a per-user salt, and verifies at that cost', {
    timeout: 60_000,
  }, async () => {
    const a = await hashPassword('correct horse battery', HASH_COSTS.production)
    const b = await hashPassword('correct horse battery', HASH_COSTS.production)
    const [scheme, n, r, p, salt, key] = a.split('$')
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1'])
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16)
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(64)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery', a)).toBe(true)
  })

  it('hashes at the cost PASSWORD_HASH_COST names (the suite runs with test: N=2^10)', async () => {
    expect(process.env.PASSWORD_HASH_COST).toBe('test')
    const [scheme, n, r, p] = (await hashPassword('correct horse battery')).split('$')
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1'])
  })

  it('verifies the right password and refuses others', async () => {
    const stored = await cheap('correct horse battery')
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('refuses malformed or tampered hashes instead of throwing', async () => {
    const stored = await cheap('pw-1234567890')
    expect(await verifyPassword('pw-1234567890', 'plain-text')).toBe(false)
    expect(await verifyPassword('pw-1234567890', stored.replace('scrypt', 'md5'))).toBe(false)
    expect(await verifyPassword('pw-1234567890', `${stored.slice(0, -4)}AAAA`)).toBe(false)
  })

  it('treats canonically equal Unicode the same (NFKC)', async () => {
    const stored = await cheap('caf\u00e9-password')
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true)
  })

  it('temporary passwords are 16 unambiguous characters in groups of four', () => {
    const seen = new Set(Array.from({ length: 200 }, generateTemporaryPassword))
    expect(seen.size).toBe(200)
    for (const p of seen) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/)
  })
})

describe('the password rule (decision 22)', () => {
  const dana = { email: 'dana@brightline.test', name: 'Dana Reyes' }

  it.each([
    ['password1234', COMMON_PASSWORD],
    ['Password123!', COMMON_PASSWORD],
    ['Qwerty123456', COMMON_PASSWORD],
    ['iloveyou1234', COMMON_PASSWORD],
    ['dana@brightline.test', CONTAINS_PERSONAL],
    ['DANA@Brightline.test!', CONTAINS_PERSONAL],
    ['my-name-is-dana-ok', CONTAINS_PERSONAL],
    ['Reyes2026!!xy', CONTAINS_PERSONAL],
    ['aaaaaaaaaaaa', `${TOO_GUESSABLE}: Repeated characters like "aaa" are easy to guess.`],
  ])('refuses %j: %s', { timeout: 30_000 }, async (password, why) => {
    expect(await passwordWeakness(password, dana)).toBe(why)
  })

  it.each(['olive-tractor-glimmer', 'correct horse battery staple', 'quiet-harbor-lamp'])(
    'accepts the passphrase %j',
    async (password) => {
      expect(await passwordWeakness(password, dana)).toBeNull()
    },
  )

  it('a name part shorter than 3 letters is not a reason (Al may use "walnut-pallet-sky")', async () => {
    expect(
      await passwordWeakness('walnut-pallet-sky', { email: 'al.x@example.com', name: 'Al X' }),
    ).toBeNull()
  })

  it('accepts the demo password for every demo account, and temporary passwords', {
    timeout: 60_000,
  }, async () => {
    for (const user of DEMO_USERS) expect(await passwordWeakness(DEMO_PASSWORD, user)).toBeNull()
    for (let i = 0; i < 5; i++) {
      expect(await passwordWeakness(generateTemporaryPassword(), dana)).toBeNull()
    }
  })
})
