// Who hears about a case.
import { and, eq } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { userRoles, users } from '~db/schema'

/** Every active admin (told when a webhook endpoint is disabled). */
export function activeAdmins(db: Queryable): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
    .where(eq(users.active, true))
    .all()
    .map((u) => u.id)
}

/** The marketers to tell about a case: the lead's marketer, else every active marketer. */
export function marketersToTell(db: Queryable, marketerId: number | null): number[] {
  if (marketerId) return [marketerId]
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'marketer')))
    .where(eq(users.active, true))
    .all()
    .map((u) => u.id)
}
