// The rep's contact attempts on a lead: logging one, and the list the lead page and case file show.
import { asc, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { instantOfLocal } from '~/domain/sla/clock'
import { recordAudit } from '~/platform/audit.server'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { contactAttempts, users } from '~db/schema'
import { type Actor, NOT_YOURS, ownLead } from './own-lead.server'
import type { ContactAttemptInput } from './schema'

const FUTURE_TOLERANCE_MS = 5 * 60_000

/** The rep records a call, e-mail or meeting on one of their leads; it shows on the timeline. */
export function logContactAttempt(
  db: Queryable,
  actor: Actor,
  leadId: number,
  input: Omit<ContactAttemptInput, 'intent'>,
  now: Date,
): Result<{ attemptId: number }> {
  const { timeZone } = getOrganisationSettings(db)
  let at: Date
  try {
    at = instantOfLocal(input.at, timeZone)
  } catch {
    return refuse('Enter a real date and time', 'at')
  }
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    return refuse('A contact attempt cannot be in the future', 'at')
  return db.transaction(
    (tx) => {
      const lead = ownLead(tx, actor, leadId)
      if (!lead) return refuse(NOT_YOURS)
      if (at < lead.handedOverAt)
        return refuse('This is before the lead was handed to Sales; check the date', 'at')
      const { id } = tx
        .insert(contactAttempts)
        .values({
          leadId,
          userId: actor.id,
          channel: input.channel,
          at,
          note: input.note ?? null,
          createdAt: now,
        })
        .returning({ id: contactAttempts.id })
        .get()
      recordAudit(
        tx,
        {
          actorId: actor.id,
          action: 'lead.contact_logged',
          subjectType: 'lead',
          subjectId: leadId,
          after: { channel: input.channel, at: at.toISOString(), note: input.note ?? null },
        },
        now,
      )
      appendEvent(tx, 'lead.contact_logged', { leadId, repId: actor.id, attemptId: id }, now)
      return { ok: true as const, attemptId: id }
    },
    { behavior: 'immediate' },
  )
}

export function contactAttemptsOf(db: Queryable, leadId: number) {
  return db
    .select({
      id: contactAttempts.id,
      channel: contactAttempts.channel,
      at: contactAttempts.at,
      note: contactAttempts.note,
      userName: users.name,
    })
    .from(contactAttempts)
    .innerJoin(users, eq(users.id, contactAttempts.userId))
    .where(eq(contactAttempts.leadId, leadId))
    .orderBy(asc(contactAttempts.at), asc(contactAttempts.id))
    .all()
}
