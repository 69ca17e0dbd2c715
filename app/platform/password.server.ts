import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'
import { getEnv } from './env.server'
import { serial } from './serial'

/** scrypt's cost parameters. They are stored with each hash, so a hash verifies at any setting. */
type HashCost = { N: number; r: number; p: number }

export const HASH_COSTS = {
  // N=2^17, r=8, p=1: OWASP's recommended floor. Raising it later invalidates no password.
  production: { N: 2 ** 17, r: 8, p: 1 },
  // For the test suite (PASSWORD_HASH_COST=test, which vitest.config.ts sets): 1 MB and about
  // a millisecond a hash, so tests that sign people in do not wait on scrypt. The
  // password tests pass `production` explicitly.
  test: { N: 2 ** 10, r: 8, p: 1 },
} as const satisfies Record<string, HashCost>

const KEY_LENGTH = 64

// Each hash takes 128·N·r bytes (128 MB) while it runs. One at a time, so the server's memory
// grows by that much however many people sign in at once (docs/performance.md); a sign-in
// takes about 0.3 s, so a queue of a few is a short wait.
const oneAtATime = serial()

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return oneAtATime(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          password.normalize('NFKC'),
          salt,
          KEY_LENGTH,
          { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 },
          (error, key) => (error ? reject(error) : resolve(key)),
        )
      }),
  )
}

/** A new hash of `password`, at the cost PASSWORD_HASH_COST names unless given one. */
export async function hashPassword(
  password: string,
  cost: HashCost = HASH_COSTS[getEnv().PASSWORD_HASH_COST],
): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost.N, cost.r, cost.p)
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
  )
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// Verifying against this when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password')
  await verifyPassword(password, await dummyHash)
  return false
}

/** A one-time password for an admin to hand over; readable, about 79 bits of randomness. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

// ---- The password rule (decision 22) --------------------------------------------------------
// A new password is refused when it contains the person's e-mail address, its local part or a
// part of their name of 3 letters or more (case-insensitive), or when zxcvbn-ts estimates it
// below score 3 (fewer than 10^8 guesses), with "one of the most common passwords" when its
// dictionaries of common passwords are why. The minimum length stays in the shared schema,
// where the browser checks it too; this runs on the server only.

export const CONTAINS_PERSONAL = 'A password must not contain your e-mail address or name'
export const COMMON_PASSWORD = 'This is one of the most common passwords'
export const TOO_GUESSABLE = 'This password is too easy to guess'

type Zxcvbn = {
  check: import('@zxcvbn-ts/core').ZxcvbnFactory['check']
  commonWarnings: Set<string>
}

// The dictionaries are about 7 MB of JavaScript and take ~0.4 s to load: once, on first use,
// and never in the browser's bundle (this module is .server).
let zxcvbn: Promise<Zxcvbn> | undefined
function loadZxcvbn(): Promise<Zxcvbn> {
  zxcvbn ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, en]) => {
    const factory = new core.ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    })
    const w = en.translations.warnings
    return {
      check: (password, userInputs) => factory.check(password, userInputs),
      commonWarnings: new Set([w.topTen, w.topHundred, w.common, w.similarToCommon]),
    }
  })
  return zxcvbn
}

/** The parts of a person a password must not contain: e-mail, its local part, name parts of 3+ letters. */
function personalParts(person: { email: string; name: string }): string[] {
  const email = person.email.trim().toLowerCase()
  const local = email.split('@')[0] ?? ''
  const names = person.name.toLowerCase().split(/[^\p{L}]+/u)
  return [email, local, ...names].filter((part) => part.length >= 3)
}

/** Why `password` may not be someone's new password, or null when it may. */
export async function passwordWeakness(
  password: string,
  person: { email: string; name: string },
): Promise<string | null> {
  const lower = password.normalize('NFKC').toLowerCase()
  const parts = personalParts(person)
  if (parts.some((part) => lower.includes(part))) return CONTAINS_PERSONAL
  const { check, commonWarnings } = await loadZxcvbn()
  const result = check(password, parts)
  if (result.score >= 3) return null
  const warning = result.feedback.warning
  if (warning && commonWarnings.has(warning)) return COMMON_PASSWORD
  const why = warning ?? result.feedback.suggestions[0] ?? 'Add more words that are less common.'
  return `${TOO_GUESSABLE}: ${why}`
}
