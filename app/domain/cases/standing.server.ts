// Who may vote on a case: a committee member with a seat, not recused automatically (a member
// with a hand in the lead) or by their own choice.
import { and, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { leads, recusals, userRoles, users } from '~db/schema'
import { type Case, closed, findCase } from './case.server'

/** Why a member is recused automatically: their hand in the lead. */
export type RecusalGround = 'filed' | 'rep' | 'owner' | 'marketer'

/** The ground in words, said to the member ("You filed the rejection") or of them. */
export const RECUSAL_WORDS: Record<RecusalGround, { you: string; they: string }> = {
  filed: { you: 'You filed the rejection', they: 'filed the rejection' },
  rep: { you: 'You are the lead’s rep', they: 'is the lead’s rep' },
  owner: { you: 'You own the lead', they: 'owns the lead' },
  marketer: { you: 'You handed the lead over', they: 'handed the lead over' },
}

/**
 * Why a member may not vote on a case of their own making, or null. A member who filed the
 * rejection, is the lead's rep or owner, or is its marketer is recused automatically.
 */
export function automaticRecusal(db: Queryable, c: Case, memberId: number): RecusalGround | null {
  if (c.filedBy === memberId) return 'filed'
  if (c.repId === memberId) return 'rep'
  const lead = db
    .select({ ownerId: leads.ownerId, marketerId: leads.marketerId })
    .from(leads)
    .where(eq(leads.id, c.leadId))
    .get()
  if (lead?.ownerId === memberId) return 'owner'
  if (lead?.marketerId === memberId || c.marketerId === memberId) return 'marketer'
  return null
}

/** The member's standing on a case: able to vote, or why not. */
export function standing(
  db: Queryable,
  c: Case,
  memberId: number,
): { canVote: true } | { canVote: false; why: string } {
  const member = db
    .select({ seat: users.seat, active: users.active })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'committee')))
    .where(eq(users.id, memberId))
    .get()
  if (!member?.active || !member.seat)
    return { canVote: false, why: 'Only committee members with a seat vote on cases' }
  const automatic = automaticRecusal(db, c, memberId)
  if (automatic)
    return {
      canVote: false,
      why: `${RECUSAL_WORDS[automatic].you}, so you are recused from this case`,
    }
  const recused = db
    .select({ reason: recusals.reason })
    .from(recusals)
    .where(and(eq(recusals.caseId, c.id), eq(recusals.memberId, memberId)))
    .get()
  if (recused) return { canVote: false, why: 'You recused yourself from this case' }
  return { canVote: true }
}

/** The open case a member may act on (vote or recuse), or why not. */
export function caseForMember(
  tx: Queryable,
  caseId: number,
  memberId: number,
): Result<{ c: Case }> {
  const c = findCase(tx, caseId)
  if (!c) return refuse('This case does not exist')
  const shut = closed(c)
  if (shut) return refuse(shut)
  const stand = standing(tx, c, memberId)
  if (!stand.canVote) return refuse(stand.why)
  return { ok: true, c }
}
