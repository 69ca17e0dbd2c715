// "… and next" for the court (decision 43): the case a member opens after voting on one, or a
// marketer after conceding one, in that person's queue, in the queue's order (review due time,
// then id).
import { can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'
import { nextAfter } from '~/domain/sales/next-in-queue.server'
import type { Queryable } from '~db/connection'
import { awaitingResponse, reviewQueueQuery } from './lists.server'

/** No queue is read past this many cases (the queues' pages are 50). */
const QUEUE_LIMIT = 1000

/**
 * The case after `currentCaseId` in the viewer's queue, read before they act on it: for a
 * committee member, the open cases that need their vote; for a marketer, the open cases on their
 * leads with no response yet. Null when nothing else waits.
 */
export function nextCaseInQueue(
  db: Queryable,
  viewer: { id: number; roles: readonly Role[] },
  currentCaseId: number,
  now: Date,
): number | null {
  const queue = can(viewer, 'cases.vote')
    ? reviewQueueQuery(db, viewer.id, { needsMyVote: true }, now, QUEUE_LIMIT).all()
    : can(viewer, 'cases.respond')
      ? awaitingResponse(db, viewer.id, QUEUE_LIMIT)
      : []
  return nextAfter(
    queue.map((c) => c.id),
    currentCaseId,
  )
}
