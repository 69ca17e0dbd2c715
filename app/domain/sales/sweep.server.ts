// The sweep: a lead whose follow-up clock ran out without an accept or a reject becomes an
// "ignored" case.
import { and, asc, isNotNull, lte } from 'drizzle-orm'
import { openCase } from '~/domain/cases/open-case.server'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'

const SWEEP_BATCH = 500

/** Waiting leads whose follow-up clock ran out by `now`, earliest first (from the partial index). */
export function dueLeadsQuery(db: Queryable, now: Date, limit: number) {
  return db
    .select()
    .from(leads)
    .where(and(isNotNull(leads.followUpDueAt), lte(leads.followUpDueAt, now)))
    .orderBy(asc(leads.followUpDueAt))
    .limit(limit)
}

/**
 * Opens an "ignored" case for every lead whose follow-up clock ran out without an accept or a
 * reject. Each batch re-reads the due leads inside its own immediate transaction, so running
 * twice, or two sweeps at once, opens one case per lead. Returns how many cases it opened.
 */
export function sweepIgnoredLeads(
  db: Queryable,
  now: Date,
  options: { maxBatches?: number; batchSize?: number } = {},
): number {
  const size = options.batchSize ?? SWEEP_BATCH
  let opened = 0
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const count = db.transaction(
      (tx) => {
        const due = dueLeadsQuery(tx, now, size).all()
        for (const lead of due) openCase(tx, lead, { kind: 'ignored' }, now)
        return due.length
      },
      { behavior: 'immediate' },
    )
    opened += count
    if (count < size) break
  }
  return opened
}
