import { describe, expect, it } from 'vitest'
import {
  ADDRESS_RULE,
  beginSignInAttempt,
  EMAIL_RULE,
  lockedUntil,
  MINUTE,
  markSignInSucceeded,
  signInLockedUntil,
} from '~/platform/rate-limit.server'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'

function attempt(db: DB, a: { email: string; address: string; succeeded: boolean }, at: Date) {
  const begun = beginSignInAttempt(db, a, at)
  if (!('attemptId' in begun)) throw new Error('unexpectedly locked')
  if (a.succeeded) markSignInSucceeded(db, begun.attemptId)
}

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0)
const min = (m: number) => t0 + m * MINUTE

describe('lockedUntil (pure)', () => {
  it('four failures never lock', () => {
    expect(lockedUntil([min(0), min(1), min(2), min(3)], EMAIL_RULE, min(4))).toBeNull()
  })

  it('the fifth failure within 15 minutes locks for 15 minutes from that failure', () => {
    const failures = [min(0), min(1), min(2), min(3), min(4)]
    expect(lockedUntil(failures, EMAIL_RULE, min(4))).toBe(min(19))
    expect(lockedUntil(failures, EMAIL_RULE, min(18.99))).toBe(min(19))
    expect(lockedUntil(failures, EMAIL_RULE, min(19))).toBeNull()
  })

  it('failures spread over more than 15 minutes do not lock', () => {
    const failures = [min(0), min(4), min(8), min(12), min(15)]
    expect(lockedUntil(failures, EMAIL_RULE, min(15))).toBeNull()
  })

  it('order of input does not matter; the latest burst sets the end', () => {
    const failures = [
      min(30),
      min(0),
      min(31),
      min(1),
      min(32),
      min(2),
      min(33),
      min(3),
      min(34),
      min(4),
    ]
    expect(lockedUntil(failures, EMAIL_RULE, min(35))).toBe(min(49))
  })

  it('an address locks at the twentieth failure', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => min(i * 0.5))
    expect(lockedUntil(nineteen, ADDRESS_RULE, min(10))).toBeNull()
    expect(lockedUntil([...nineteen, min(10)], ADDRESS_RULE, min(10))).toBe(min(25))
  })
})

describe('signInLockedUntil with a controlled clock', () => {
  it('locks an e-mail, releases it after 15 minutes, and a success clears the count', () => {
    const db = memoryDb()
    const fail = (m: number, email = 'a@x.test', address = '1.1.1.1') =>
      attempt(db, { email, address, succeeded: false }, new Date(min(m)))
    for (const m of [0, 1, 2, 3]) fail(m)
    expect(
      signInLockedUntil(db, { email: 'a@x.test', address: '2.2.2.2' }, new Date(min(3))),
    ).toBeNull()
    fail(4)
    expect(
      signInLockedUntil(db, { email: 'a@x.test', address: '2.2.2.2' }, new Date(min(5))),
    ).toEqual(new Date(min(19)))
    expect(
      signInLockedUntil(db, { email: 'a@x.test', address: '2.2.2.2' }, new Date(min(19))),
    ).toBeNull()

    attempt(db, { email: 'a@x.test', address: '1.1.1.1', succeeded: true }, new Date(min(20)))
    for (const m of [21, 22, 23, 24]) fail(m)
    expect(
      signInLockedUntil(db, { email: 'a@x.test', address: '2.2.2.2' }, new Date(min(24))),
    ).toBeNull()
  })

  it('a success does not clear an address’s failures', () => {
    const db = memoryDb()
    for (let i = 0; i < 19; i++) {
      attempt(
        db,
        { email: `u${i}@x.test`, address: '9.9.9.9', succeeded: false },
        new Date(min(i * 0.1)),
      )
    }
    attempt(db, { email: 'me@x.test', address: '9.9.9.9', succeeded: true }, new Date(min(2)))
    attempt(db, { email: 'u19@x.test', address: '9.9.9.9', succeeded: false }, new Date(min(3)))
    expect(
      signInLockedUntil(db, { email: 'other@x.test', address: '9.9.9.9' }, new Date(min(4))),
    ).toEqual(new Date(min(18)))
  })
})
