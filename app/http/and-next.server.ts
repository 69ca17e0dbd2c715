// "… and next" (decision 43): where a person goes after acting on an item with the "and next"
// button, and what the page they land on says. The next item is worked out before the action,
// in the person's queue's order; with nothing else waiting they stay on the item.
import { nextCaseInQueue } from '~/domain/cases/next-in-queue.server'
import type { Role } from '~/domain/people/roles'
import { nextLeadInQueue } from '~/domain/sales/next-in-queue.server'
import type { Queryable } from '~db/connection'
import type { Done } from './and-next'
import { withNotice } from './notice'

/** The next lead in the rep's queue after `leadId`, or the lead itself when none is left. */
export function nextLeadPath(db: Queryable, repId: number, leadId: number, done: Done): string {
  const next = nextLeadInQueue(db, repId, leadId)
  return next === null
    ? withNotice(`/leads/${leadId}`, `${done}-last`)
    : withNotice(`/leads/${next}`, `${done}-next`)
}

/** The next case in the viewer's queue after `caseId` (kept `via` the list it came from). */
export function nextCasePath(
  db: Queryable,
  viewer: { id: number; roles: readonly Role[] },
  caseId: number,
  now: Date,
  done: Done,
  via: (path: string) => string,
): string {
  const next = nextCaseInQueue(db, viewer, caseId, now)
  return next === null
    ? withNotice(via(`/cases/${caseId}`), `${done}-last`)
    : withNotice(via(`/cases/${next}`), `${done}-next`)
}
