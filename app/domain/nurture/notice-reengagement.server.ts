// A nurtured lead changed by an import or an edit is checked for re-engagement (decision 26):
// flagged in the pool once, its marketer told; or, when Settings say so, handed back to Sales
// at once.
import { eq } from 'drizzle-orm'
import type { Lead } from '~/domain/leads/lead.server'
import { getNurtureSettings } from '~/domain/settings/settings.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { nurtureStays } from '~db/schema'
import { type HandBackContext, handBackInTx } from './hand-back.server'
import { reengagementWhy, type VersionInForce } from './reengagement'
import { openStayOf } from './stays.server'

/**
 * Checks a lead in nurture that a write just changed from `before` to `after`, inside the
 * writer's transaction (its audit chain in `ctx.audit`). A stay already flagged is not flagged
 * again. Returns whether the lead was flagged (or handed back).
 */
export function noticeReengagement(
  tx: Queryable,
  before: Lead,
  after: Lead,
  ctx: HandBackContext & { version: VersionInForce | null },
  now: Date,
): 'flagged' | 'handed_back' | null {
  if (before.status !== 'nurture') return null
  const stay = openStayOf(tx, before.id)
  if (!stay || stay.reengagedAt) return null
  const settings = getNurtureSettings(tx)
  const why = reengagementWhy(before, after, ctx.version, settings.reengagementScore)
  if (why.length === 0) return null
  tx.update(nurtureStays)
    .set({ reengagedAt: now, reengagedWhy: why })
    .where(eq(nurtureStays.id, stay.id))
    .run()
  ctx.audit.append(
    {
      actorId: null,
      action: 'lead.reengaged',
      subjectType: 'lead',
      subjectId: before.id,
      after: { stayId: stay.id, why },
    },
    now,
  )
  const handedBack =
    settings.autoHandBack &&
    handBackInTx(
      tx,
      after,
      { ...stay, reengagedAt: now, reengagedWhy: why },
      { how: 'auto_handed_back', by: null, note: why.join('; ') },
      ctx,
      now,
    ).ok
  appendEvent(
    tx,
    'lead.reengaged',
    {
      leadId: before.id,
      stayId: stay.id,
      caseId: stay.caseId,
      marketerId: before.marketerId,
      why,
      handedBack,
    },
    now,
  )
  return handedBack ? 'handed_back' : 'flagged'
}
