// What a hand-over means at a moment: the definition version in force, the marketer answerable,
// the follow-up clock.
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { criteriaOf, getActiveVersion } from '~/domain/definition/versions.server'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { addWorkingHours } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import { definitionVersions, userRoles, users } from '~db/schema'

export type HandOver = {
  versionId: number | null
  criteria: ReturnType<typeof criteriaOf>
  /** The marketer handing the leads over (null when an admin does). */
  marketerId: number | null
  /** When the follow-up clock of a lead handed over at `at` runs out. */
  followUpDue: (at: Date) => Date
  /**
   * The version that was in force at `at` (a lead of a CRM's history handed over then is judged
   * against it). Before the first version, the first: a customer's history mostly predates the
   * definition both teams signed, and the committee needs one to rule by (decision 25).
   */
  inForceAt: (at: Date) => { versionId: number | null; criteria: ReturnType<typeof criteriaOf> }
}

/** Every version that has been in force, with the span it was in force for, oldest first. */
function versionsInForce(db: Queryable) {
  return db
    .select({
      id: definitionVersions.id,
      from: definitionVersions.activatedAt,
      until: definitionVersions.supersededAt,
    })
    .from(definitionVersions)
    .where(isNotNull(definitionVersions.activatedAt))
    .orderBy(asc(definitionVersions.activatedAt), asc(definitionVersions.id))
    .all()
}

/** The user if they are an active marketer, else null. */
function marketerOf(db: Queryable, userId: number | null): number | null {
  if (userId === null) return null
  const row = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'marketer')))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get()
  return row?.id ?? null
}

/**
 * What a hand-over by `byUserId` now means: the definition version in force, which every lead
 * handed over now is judged against; the marketer answerable; the follow-up SLA in force.
 */
export function currentHandOver(db: Queryable, byUserId: number | null): HandOver {
  const active = getActiveVersion(db)
  const { followUpHours } = getSlaSettings(db)
  const calendar = getWorkingCalendar(db)
  // A batch of leads shares one instant, so the clock is worked out once per instant.
  let last: { at: number; due: Date } | null = null
  let spans: ReturnType<typeof versionsInForce> | undefined
  const criteria = new Map<number, ReturnType<typeof criteriaOf>>()
  return {
    versionId: active?.id ?? null,
    criteria: active?.criteria ?? [],
    marketerId: marketerOf(db, byUserId),
    followUpDue(at) {
      if (last?.at !== at.getTime())
        last = { at: at.getTime(), due: addWorkingHours(at, followUpHours, calendar) }
      return last.due
    },
    inForceAt(at) {
      spans ??= versionsInForce(db)
      const time = at.getTime()
      const span =
        spans.findLast(
          (v) => (v.from as Date).getTime() <= time && (!v.until || time < v.until.getTime()),
        ) ?? (time < ((spans[0]?.from as Date | undefined)?.getTime() ?? 0) ? spans[0] : undefined)
      if (!span) return { versionId: null, criteria: [] }
      if (!criteria.has(span.id)) criteria.set(span.id, criteriaOf(db, span.id))
      return { versionId: span.id, criteria: criteria.get(span.id) ?? [] }
    },
  }
}
