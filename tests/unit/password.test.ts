import { describe, expect, it } from 'vitest'
import { generateTemporaryPassword, hashPassword, verifyPassword } from '~/platform/password.server'

describe('password hashing', () => {
  it('stores scrypt with N=2^17, r=8, p=1 and a per-user salt', async () => {
    const a = await hashPassword('correct horse battery')
    const b = await hashPassword('correct horse battery')
    const [scheme, n, r, p, salt, key] = a.split('$')
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1'])
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16)
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(64)
    expect(a).not.toBe(b)
  })

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('refuses malformed or tampered hashes instead of throwing', async () => {
    const stored = await hashPassword('pw-1234567890')
    expect(await verifyPassword('pw-1234567890', 'plain-text')).toBe(false)
    expect(await verifyPassword('pw-1234567890', stored.replace('scrypt', 'md5'))).toBe(false)
    expect(await verifyPassword('pw-1234567890', `${stored.slice(0, -4)}AAAA`)).toBe(false)
  })

  it('treats canonically equal Unicode the same (NFKC)', async () => {
    const stored = await hashPassword('caf\u00e9-password')
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true)
  })

  it('temporary passwords are 16 unambiguous characters in groups of four', () => {
    const seen = new Set(Array.from({ length: 200 }, generateTemporaryPassword))
    expect(seen.size).toBe(200)
    for (const p of seen) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/)
  })
})
