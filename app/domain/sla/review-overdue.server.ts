// Overdue reviews (issue 17, decision 29): an open case whose review clock ran out with no
// verdict gets `review_overdue_at` and the event `case.review_overdue`, once per case, for the
// webhooks (a CRM may want to chase the committee). Beside the reminders; run by a periodic job.
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { cases } from '~db/schema'

/**
 * One batch, in one immediate transaction: the next `batchSize` open cases (from
 * `cases_review_idx`) whose review is due by `now` and not yet marked get `review_overdue_at =
 * now` and the event. Marked cases leave the set, so the next batch needs no cursor. Returns
 * how many it marked (a full batch: more may wait).
 */
export function markOverdueReviews(db: Queryable, now: Date, batchSize = 200): number {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({ id: cases.id, leadId: cases.leadId, reviewDueAt: cases.reviewDueAt })
        .from(cases)
        .where(
          and(
            eq(cases.status, 'in_review'),
            lte(cases.reviewDueAt, now),
            isNull(cases.reviewOverdueAt),
          ),
        )
        .orderBy(asc(cases.reviewDueAt), asc(cases.id))
        .limit(batchSize)
        .all()
      if (rows.length === 0) return 0
      tx.update(cases)
        .set({ reviewOverdueAt: now })
        .where(
          inArray(
            cases.id,
            rows.map((r) => r.id),
          ),
        )
        .run()
      for (const c of rows)
        appendEvent(
          tx,
          'case.review_overdue',
          { caseId: c.id, leadId: c.leadId, dueAt: c.reviewDueAt.getTime() },
          now,
        )
      return rows.length
    },
    { behavior: 'immediate' },
  )
}
