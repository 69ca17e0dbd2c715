// "… and next" (decision 43): the lead a rep opens after acting on one from their queue. The
// queue's order is the home page's: follow-up due time, then id (`queueQuery`).
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'

/**
 * The item after `current` in a queue's order: the next one, or, when `current` is the last (or
 * not in the queue), the first other than it. Null when nothing else waits.
 */
export function nextAfter(queue: readonly number[], current: number): number | null {
  const at = queue.indexOf(current)
  const later = at >= 0 ? queue[at + 1] : undefined
  return later ?? queue.find((id) => id !== current) ?? null
}

/**
 * The lead after `currentLeadId` in the rep's queue of waiting leads (new or returned, with a
 * running clock), read before the rep acts on it.
 */
export function nextLeadInQueue(
  db: Queryable,
  repId: number,
  currentLeadId: number,
): number | null {
  const queue = db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.ownerId, repId), isNotNull(leads.followUpDueAt)))
    .orderBy(asc(leads.followUpDueAt), asc(leads.id))
    .all()
  return nextAfter(
    queue.map((l) => l.id),
    currentLeadId,
  )
}
