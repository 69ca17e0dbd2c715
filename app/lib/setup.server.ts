import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { DB } from '~db/connection'
import { deleteSetting, readSetting, writeSetting } from './settings.server'
import { countUsers, createFirstAdmin } from './users.server'

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

export function isValidSetupToken(db: DB, token: string): boolean {
  const stored = readSetting(db, KEY)
  if (typeof stored !== 'string') return false
  return timingSafeEqual(Buffer.from(stored, 'hex'), digest(token))
}

export async function completeSetup(
  db: DB,
  input: { token: string; name: string; email: string; password: string },
  now: Date,
) {
  if (!isValidSetupToken(db, input.token)) {
    return {
      ok: false as const,
      fieldErrors: {
        form: ['This setup link is not valid; use the one the server printed at start-up'],
      },
    }
  }
  const result = await createFirstAdmin(db, input, now)
  if (result.ok) deleteSetting(db, KEY)
  return result
}
