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
import type { LeadStatus } from '~db/enums'
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

/** What decides whether the cases' leads can go into review, read once for the whole take-up. */
function leadsOf(tx: Queryable, found: readonly Case[]) {
  const leadIds = [...new Set(found.filter((c) => c.status === 'imported').map((c) => c.leadId))]
  if (leadIds.length === 0)
    return { open: new Map<number, number>(), status: new Map<number, LeadStatus>() }
  // One case in review per lead (the index cases_one_open_per_lead): never a second.
  const open = new Map(
    tx
      .select({ id: cases.id, leadId: cases.leadId })
      .from(cases)
      .where(and(inArray(cases.leadId, leadIds), eq(cases.status, 'in_review')))
      .all()
      .map((c) => [c.leadId, c.id]),
  )
  const status = new Map(
    tx
      .select({ id: leads.id, status: leads.status })
      .from(leads)
      .where(inArray(leads.id, leadIds))
      .all()
      .map((l) => [l.id, l.status]),
  )
  return { open, status }
}

/** Why a case cannot be taken up now, or null if it can. */
function whyNot(c: Case, lead: ReturnType<typeof leadsOf>): string | null {
  if (c.status !== 'imported')
    return c.takenUpAt
      ? 'it was already taken up'
      : `it is not an imported case (it is ${CASE_STATUS_LABELS[c.status].toLowerCase()})`
  const open = lead.open.get(c.leadId)
  if (open) return `its lead already has case ${open} in review`
  const status = lead.status.get(c.leadId)
  if (status !== 'rejected')
    return `its lead is ${status ? LEAD_STATUS_LABELS[status].toLowerCase() : 'gone'}, not rejected`
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
      const lead = leadsOf(tx, [...found.values()])
      const done: TakeUp = { takenUp: [], skipped: [] }
      const taken: Case[] = []
      for (const id of ids) {
        const c = found.get(id) as Case
        const why = whyNot(c, lead)
        if (why) done.skipped.push({ caseId: id, why })
        else {
          taken.push(c)
          done.takenUp.push(id)
          // Its lead is in review from now: another imported case on it waits.
          lead.open.set(c.leadId, id)
        }
      }
      if (taken.length === 0) return { ok: true as const, ...done }
      const reviewDueAt = reviewDueFrom(tx, now)
      tx.update(cases)
        .set({ status: 'in_review', takenUpAt: now, reviewDueAt })
        .where(inArray(cases.id, done.takenUp))
        .run()
      tx.update(leads)
        .set({ status: 'in_review', updatedAt: now })
        .where(
          inArray(
            leads.id,
            taken.map((c) => c.leadId),
          ),
        )
        .run()
      const audit = auditTrail(tx)
      for (const c of taken) {
        audit.append(
          {
            actorId,
            action: 'case.taken_up',
            subjectType: 'case',
            subjectId: c.id,
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
            after: { status: 'in_review', caseId: c.id },
          },
          now,
        )
        announceCase(tx, c, now)
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
