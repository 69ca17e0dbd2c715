// The sweep: a lead whose follow-up clock ran out without an accept or a reject becomes an
// "ignored" case; with escalation on (Settings), the lead goes on to the next rep in turn.
import { and, asc, isNotNull, lte } from 'drizzle-orm'
import { openCase } from '~/domain/cases/open-case.server'
import type { Lead } from '~/domain/leads/lead.server'
import { getSlaSettings } from '~/domain/settings/settings.server'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'
import { escalateLead, nextRepAfter } from './escalate.server'

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
 * The ignored case on a lead whose clock ran out. With `onClockOut` 'next_rep' and another
 * active rep, the case is marked `lead_moved_on` (its verdict will not move the lead) and the
 * lead goes on to that rep with a fresh clock; else the lead stays in review with its rep.
 */
function clockRanOut(tx: Queryable, lead: Lead, escalate: boolean, now: Date) {
  const next = escalate ? nextRepAfter(tx, lead.ownerId, now) : null
  const caseId = openCase(tx, lead, { kind: 'ignored', leadMovedOn: next !== null }, now)
  if (next === null) return
  const out = lead.status === 'returned' ? 'return' : 'hand_over'
  escalateLead(tx, lead.id, caseId, next, { out, at: now })
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
        const escalate = getSlaSettings(tx).onClockOut === 'next_rep'
        const due = dueLeadsQuery(tx, now, size).all()
        for (const lead of due) clockRanOut(tx, lead, escalate, now)
        return due.length
      },
      { behavior: 'immediate' },
    )
    opened += count
    if (count < size) break
  }
  return opened
}
