// Who leads are handed to: the active reps, a rep named in a row or on the form, and the turn.
import { and, asc, eq } from 'drizzle-orm'
import { readSetting, writeSetting } from '~/domain/settings/settings.server'
import type { Queryable } from '~db/connection'
import { userRoles, users } from '~db/schema'

export function activeReps(db: Queryable) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'rep')))
    .where(eq(users.active, true))
    .orderBy(asc(users.id))
    .all()
}

/** A rep named by e-mail or by full name (any case); null when no active rep matches. */
export function findRep(
  reps: { id: number; name: string; email: string }[],
  owner: string,
): { id: number; name: string } | { reason: string } {
  const wanted = owner.trim().toLowerCase()
  const byEmail = reps.find((r) => r.email === wanted)
  if (byEmail) return byEmail
  const byName = reps.filter((r) => r.name.toLowerCase() === wanted)
  if (byName.length === 1) return byName[0] as (typeof reps)[number]
  return {
    reason:
      byName.length > 1
        ? `More than one active rep is called “${owner.trim()}”; name the owner by e-mail`
        : `No active rep is called or has the e-mail “${owner.trim()}”`,
  }
}

const ROUND_ROBIN_KEY = 'round_robin_last_rep'

/**
 * Hands unowned leads to the active reps in turn. Whose turn it is survives between calls
 * (a setting); `save` records it, once per transaction rather than once per lead.
 */
export function roundRobin(db: Queryable, reps: { id: number }[], now: Date) {
  let last = Number(readSetting(db, ROUND_ROBIN_KEY) ?? 0)
  return {
    next(): number | null {
      const rep = reps.find((r) => r.id > last) ?? reps[0]
      if (!rep) return null
      last = rep.id
      return rep.id
    },
    save() {
      writeSetting(db, ROUND_ROBIN_KEY, last, null, now)
    },
  }
}
