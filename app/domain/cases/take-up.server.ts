// The committee takes up cases imported from a CRM's history (decision 25): a rejection made
// before Leadcourt, recorded as a case "imported, not reviewed", becomes an ordinary case in
// review. Its review clock starts at the take-up, its lead goes into review, and marketing is
// told as of any case that opens; from then on it is answered, voted and decided like any other.
import { and, eq, inArray } from 'drizzle-orm'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import { type Result, refuse } from '~/domain/result'
import { CASE_STATUS_LABELS } from '~/domain/sales/schema'
import { auditTrail } from '~/platform/audit.server'
import type { Queryable } from '~db/connection'
import { cases, leads } from '~db/schema'
import type { Case } from './case.server'
import { announceCase, reviewDueFrom } from './open-case.server'
import { MAX_TAKE_UP } from './schema'

export type TakeUp = {
  /** The cases taken up, in the order asked. */
  takenUp: number[]
  /** The cases left as they were, each with why (already taken up, decided, …). */
  skipped: { caseId: number; why: string }[]
}

/** Why a case cannot be taken up now, or null if it can. */
function whyNot(tx: Queryable, c: Case): string | null {
  if (c.status !== 'imported')
    return c.takenUpAt
      ? 'it was already taken up'
      : `it is not an imported case (it is ${CASE_STATUS_LABELS[c.status].toLowerCase()})`
  // One case in review per lead (the index cases_one_open_per_lead): never a second.
  const open = tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.leadId, c.leadId), eq(cases.status, 'in_review')))
    .get()
  if (open) return `its lead already has case ${open.id} in review`
  const lead = tx.select({ status: leads.status }).from(leads).where(eq(leads.id, c.leadId)).get()
  if (lead?.status !== 'rejected')
    return `its lead is ${lead ? LEAD_STATUS_LABELS[lead.status].toLowerCase() : 'gone'}, not rejected`
  return null
}

/**
 * Takes up imported cases for review, all in one immediate transaction: each becomes a case in
 * review whose clock starts `now` (due by the review SLA), its lead goes from rejected into
 * review, with audit entries by `actorId` and a `case.opened` event for each. A case that is not
 * imported (taken up already, by a double submit or another member) or whose lead cannot go into
 * review is skipped and said why; an id that names no case refuses the whole take-up.
 */
export function takeUpCases(
  db: Queryable,
  actorId: number,
  caseIds: readonly number[],
  now: Date,
): Result<TakeUp> {
  const ids = [...new Set(caseIds)]
  if (ids.length === 0) return refuse('Choose the cases to take up', 'caseId')
  if (ids.length > MAX_TAKE_UP)
    return refuse(`Take up at most ${MAX_TAKE_UP} cases at once`, 'caseId')
  return db.transaction(
    (tx) => {
      const found = new Map(
        tx
          .select()
          .from(cases)
          .where(inArray(cases.id, ids))
          .all()
          .map((c) => [c.id, c]),
      )
      const missing = ids.filter((id) => !found.has(id))
      if (missing.length)
        return refuse(
          `There is no case ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
          'caseId',
        )
      const reviewDueAt = reviewDueFrom(tx, now)
      const audit = auditTrail(tx)
      const done: TakeUp = { takenUp: [], skipped: [] }
      for (const id of ids) {
        const c = found.get(id) as Case
        const why = whyNot(tx, c)
        if (why) {
          done.skipped.push({ caseId: id, why })
          continue
        }
        tx.update(cases)
          .set({ status: 'in_review', takenUpAt: now, reviewDueAt })
          .where(eq(cases.id, id))
          .run()
        tx.update(leads)
          .set({ status: 'in_review', updatedAt: now })
          .where(eq(leads.id, c.leadId))
          .run()
        audit.append(
          {
            actorId,
            action: 'case.taken_up',
            subjectType: 'case',
            subjectId: id,
            before: { status: 'imported' },
            after: { status: 'in_review', reviewDueAt },
          },
          now,
        )
        audit.append(
          {
            actorId,
            action: 'lead.taken_up',
            subjectType: 'lead',
            subjectId: c.leadId,
            before: { status: 'rejected' },
            after: { status: 'in_review', caseId: id },
          },
          now,
        )
        announceCase(tx, c, now)
        done.takenUp.push(id)
      }
      return { ok: true as const, ...done }
    },
    { behavior: 'immediate' },
  )
}

/** What a take-up says to the member: how many were taken up, and which were not and why. */
export function takeUpNotice({ takenUp, skipped }: TakeUp): string {
  const cases = (n: number) => (n === 1 ? '1 case' : `${n} cases`)
  const taken = takenUp.length
    ? `Took up ${cases(takenUp.length)} for review; marketing has been told.`
    : 'No case was taken up.'
  if (!skipped.length) return taken
  const shown = skipped.slice(0, 5).map((s) => `case ${s.caseId}: ${s.why}`)
  const more = skipped.length > 5 ? `; and ${skipped.length - 5} more` : ''
  const left = skipped.length === 1 ? 'left as it was' : 'left as they were'
  return `${taken} ${cases(skipped.length)} ${left} (${shown.join('; ')}${more}).`
}
