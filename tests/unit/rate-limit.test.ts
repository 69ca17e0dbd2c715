// The sign-in throttle (decision 22), every rule with a controlled clock.
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  beginSignInAttempt,
  MINUTE,
  markSignInSucceeded,
  PAIR_RULE,
  purgeSignInAttempts,
  recordFailedSignIn,
  SECOND,
  signInThrottle,
  takeFailedSignIns,
  waitUntil,
} from '~/platform/rate-limit.server'
import type { DB } from '~db/connection'
import { signInAttempts, users } from '~db/schema'
import { memoryDb } from '../support/memory-db'

const t0 = Date.UTC(2026, 10, 27, 9, 0, 0)
const sec = (s: number) => new Date(t0 + s * SECOND)
const DAY = 24 * 60 * MINUTE

/** An attempt that must not be held back; marked succeeded if `succeeded`. */
function attempt(db: DB, a: { email: string; address: string }, at: Date, succeeded = false) {
  const begun = beginSignInAttempt(db, a, at)
  if (!('attemptId' in begun)) throw new Error(`unexpectedly held back by ${begun.wait.rule}`)
  if (succeeded) markSignInSucceeded(db, begun.attemptId)
}

const bob = 'bob@x.test'
const A = '198.51.100.1'
const B = '198.51.100.2'

describe('waitUntil (pure): baseMs × 2^(failures − free) after the last failure, capped', () => {
  it('the pair rule: free 3, then 10 s, 20 s, 40 s … capped at 15 minutes', () => {
    const last = t0
    const at = (count: number) => waitUntil({ count, last }, PAIR_RULE, t0)
    expect(at(2)).toBeNull()
    expect([3, 4, 5, 6, 9].map((n) => ((at(n) as number) - t0) / SECOND)).toEqual([
      10, 20, 40, 80, 640,
    ])
    expect(((at(10) as number) - t0) / SECOND).toBe(900)
    expect(((at(50) as number) - t0) / SECOND).toBe(900)
  })

  it('the account rule: free 10, then 1 s, 2 s … capped at a minute', () => {
    const at = (count: number) => waitUntil({ count, last: t0 }, ACCOUNT_RULE, t0)
    expect(at(9)).toBeNull()
    expect([10, 11, 15, 16, 1000].map((n) => ((at(n) as number) - t0) / SECOND)).toEqual([
      1, 2, 32, 60, 60,
    ])
  })

  it('the address rule: free 20, then 5 s, 10 s … capped at 5 minutes', () => {
    const at = (count: number) => waitUntil({ count, last: t0 }, ADDRESS_RULE, t0)
    expect(at(19)).toBeNull()
    expect([20, 21, 25, 26].map((n) => ((at(n) as number) - t0) / SECOND)).toEqual([
      5, 10, 160, 300,
    ])
  })

  it('once the wait is over, nothing holds the next attempt back', () => {
    expect(waitUntil({ count: 3, last: t0 }, PAIR_RULE, t0 + 9_999)).toBe(t0 + 10_000)
    expect(waitUntil({ count: 3, last: t0 }, PAIR_RULE, t0 + 10_000)).toBeNull()
  })
})

describe('the pair rule', () => {
  it('holds the guesser at one address back, and nobody at another address', () => {
    const db = memoryDb()
    for (const s of [0, 1, 2]) attempt(db, { email: bob, address: A }, sec(s))
    expect(signInThrottle(db, { email: bob, address: A }, sec(3))).toEqual({
      until: sec(12),
      rule: 'pair',
    })
    expect(signInThrottle(db, { email: bob, address: B }, sec(3))).toBeNull()
    // The wait runs out; the fourth failure doubles the next one.
    attempt(db, { email: bob, address: A }, sec(12))
    expect(signInThrottle(db, { email: bob, address: A }, sec(13))).toEqual({
      until: sec(32),
      rule: 'pair',
    })
  })

  it('a held-back attempt is not counted, so waiting longer never makes the wait longer', () => {
    const db = memoryDb()
    for (const s of [0, 1, 2]) attempt(db, { email: bob, address: A }, sec(s))
    for (const s of [3, 5, 8]) {
      expect(beginSignInAttempt(db, { email: bob, address: A }, sec(s))).toEqual({
        wait: { until: sec(12), rule: 'pair' },
      })
    }
    expect(db.select().from(signInAttempts).all()).toHaveLength(3)
  })

  it('the pair’s own success clears its count; failures older than a day do not count', () => {
    const db = memoryDb()
    for (const s of [0, 1, 2]) attempt(db, { email: bob, address: A }, sec(s))
    attempt(db, { email: bob, address: A }, sec(20), true)
    attempt(db, { email: bob, address: A }, sec(21))
    expect(signInThrottle(db, { email: bob, address: A }, sec(22))).toBeNull()

    const other = memoryDb()
    for (const s of [0, 1, 2]) attempt(other, { email: bob, address: A }, sec(s))
    expect(signInThrottle(other, { email: bob, address: A }, sec(DAY / SECOND + 1))).toBeNull()
  })
})

describe('the account rule', () => {
  it('guessing from a new address each time slows down to one guess a minute', () => {
    const db = memoryDb()
    const from = (i: number) => `203.0.113.${i}`
    for (let i = 0; i < 10; i++) attempt(db, { email: bob, address: from(i) }, sec(i))
    expect(signInThrottle(db, { email: bob, address: from(99) }, sec(9))).toEqual({
      until: sec(10),
      rule: 'account',
    })
    for (let i = 10; i < 16; i++) {
      attempt(db, { email: bob, address: from(i) }, sec(100 * i))
    }
    expect(signInThrottle(db, { email: bob, address: from(99) }, sec(1500))).toEqual({
      until: sec(1560),
      rule: 'account',
    })
  })

  it('never holds back an address the account signed in from within 30 days', () => {
    const db = memoryDb()
    attempt(db, { email: bob, address: B }, sec(-29 * 24 * 3600), true)
    const guess = (d: DB, i: number) =>
      attempt(d, { email: bob, address: `203.0.113.${i}` }, sec(100 * i))
    for (let i = 0; i < 16; i++) guess(db, i)
    expect(signInThrottle(db, { email: bob, address: B }, sec(1501))).toBeNull()
    expect(signInThrottle(db, { email: bob, address: A }, sec(1501))?.rule).toBe('account')
    // A success 31 days ago no longer makes the address known.
    const stale = memoryDb()
    attempt(stale, { email: bob, address: B }, sec(-31 * 24 * 3600), true)
    for (let i = 0; i < 16; i++) guess(stale, i)
    expect(signInThrottle(stale, { email: bob, address: B }, sec(1501))?.rule).toBe('account')
  })
})

describe('the address ceiling', () => {
  const proxy = '10.0.0.1'
  /** Failures for `n` accounts from the proxy, one a second from `from` (recorded as the throttle would). */
  const spray = (db: DB, n: number, from = 0) => {
    for (let i = from; i < from + n; i++) {
      db.insert(signInAttempts)
        .values({ email: `u${i}@x.test`, address: proxy, at: sec(i), succeeded: false })
        .run()
    }
  }

  it('slows down spraying many accounts from one address', () => {
    const db = memoryDb()
    spray(db, 19)
    expect(signInThrottle(db, { email: 'new@x.test', address: proxy }, sec(19))).toBeNull()
    spray(db, 1, 19)
    expect(signInThrottle(db, { email: 'new@x.test', address: proxy }, sec(20))).toEqual({
      until: sec(24),
      rule: 'address',
    })
    // Failures older than an hour do not count.
    expect(signInThrottle(db, { email: 'new@x.test', address: proxy }, sec(3601))).toBeNull()
  })

  it('never holds back an account that signed in from that address before', () => {
    const db = memoryDb()
    attempt(db, { email: bob, address: proxy }, sec(-3600), true)
    spray(db, 40)
    expect(signInThrottle(db, { email: bob, address: proxy }, sec(40))).toBeNull()
  })
})

describe('telling the owner', () => {
  it('counts wrong passwords, and tells them once to a session begun after them', () => {
    const db = memoryDb()
    const { id } = db
      .insert(users)
      .values({ email: bob, name: 'Bob', passwordHash: 'x' })
      .returning()
      .get()
    recordFailedSignIn(db, id, A, sec(0))
    recordFailedSignIn(db, id, B, sec(5))
    // A browser signed in before the failures is not told; it stays for the next sign-in.
    expect(takeFailedSignIns(db, id, sec(-100))).toBeNull()
    expect(takeFailedSignIns(db, id, sec(60))).toEqual({ count: 2, lastAt: sec(5), lastAddress: B })
    expect(takeFailedSignIns(db, id, sec(60))).toBeNull()
  })
})

it('the purge keeps failures a day and successes 30 days', () => {
  const db = memoryDb()
  attempt(db, { email: bob, address: A }, sec(0))
  attempt(db, { email: bob, address: B }, sec(0), true)
  purgeSignInAttempts(db, new Date(t0 + DAY))
  expect(db.select({ address: signInAttempts.address }).from(signInAttempts).all()).toHaveLength(2)
  purgeSignInAttempts(db, new Date(t0 + DAY + 1))
  expect(db.select({ address: signInAttempts.address }).from(signInAttempts).all()).toEqual([
    { address: B },
  ])
  purgeSignInAttempts(db, new Date(t0 + 30 * DAY + 1))
  expect(db.select().from(signInAttempts).all()).toEqual([])
})
