// A committee member stands aside from a case, with a reason, before voting on it.
import { and, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { recusals, votes } from '~db/schema'
import { caseForMember } from './standing.server'

/** A member stands aside from a case with a reason (before voting on it). */
export function recuse(
  db: Queryable,
  memberId: number,
  caseId: number,
  reason: string,
  now: Date,
): Result<object> {
  return db.transaction(
    (tx) => {
      const found = caseForMember(tx, caseId, memberId)
      if (!found.ok) return found
      const { c } = found
      const voted = tx
        .select({ id: votes.id })
        .from(votes)
        .where(and(eq(votes.caseId, c.id), eq(votes.memberId, memberId)))
        .get()
      if (voted) return refuse('You have voted on this case; change your vote rather than recuse')
      tx.insert(recusals).values({ caseId: c.id, memberId, reason, at: now }).run()
      recordAudit(
        tx,
        {
          actorId: memberId,
          action: 'case.recused',
          subjectType: 'case',
          subjectId: c.id,
          after: { reason },
        },
        now,
      )
      appendEvent(tx, 'case.recused', { caseId: c.id, memberId }, now)
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}
