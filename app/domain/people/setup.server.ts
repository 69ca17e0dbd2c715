import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { type Result, refuse } from '~/domain/result'
import { deleteSetting, readSetting, writeSetting } from '~/domain/settings/settings.server'
import { hashPassword, passwordWeakness } from '~/platform/password.server'
import type { DB, Queryable } from '~db/connection'
import { countUsers, insertUser } from './users.server'

// A production install with no users is set up once, through /setup?token=…; the token is
// printed by the server at start-up, so only whoever can read the server's output can claim it.
const KEY = 'setup_token_sha256'

const digest = (token: string) => createHash('sha256').update(token).digest()

export function needsSetup(db: DB): boolean {
  return countUsers(db) === 0
}

/** Issues a fresh setup token (replacing any earlier one) and returns it. */
export function issueSetupToken(db: DB, now: Date): string {
  const token = randomBytes(24).toString('base64url')
  writeSetting(db, KEY, digest(token).toString('hex'), null, now)
  return token
}

export function isValidSetupToken(db: Queryable, token: string): boolean {
  const stored = readSetting(db, KEY)
  if (typeof stored !== 'string') return false
  return timingSafeEqual(Buffer.from(stored, 'hex'), digest(token))
}

/** Creates the first admin with their own password, and spends the token, in one transaction. */
export async function completeSetup(
  db: DB,
  input: { token: string; name: string; email: string; password: string },
  now: Date,
): Promise<Result<{ userId: number }>> {
  const weakness = await passwordWeakness(input.password, input)
  if (weakness) return refuse(weakness, 'password')
  const passwordHash = await hashPassword(input.password)
  return db.transaction(
    (tx) => {
      if (!isValidSetupToken(tx, input.token)) {
        return refuse('This setup link is not valid; use the one the server printed at start-up')
      }
      const result = insertUser(
        tx,
        null,
        { name: input.name, email: input.email, roles: ['admin'], isChair: false },
        { passwordHash, mustChangePassword: false },
        now,
        { onlyIfFirst: true },
      )
      if (result.ok) deleteSetting(tx, KEY)
      return result
    },
    { behavior: 'immediate' },
  )
}
