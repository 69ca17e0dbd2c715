// Writing e-mails (decision 30): who of the people an event concerns gets one (active, with an
// address, and the kind on in their preferences), and the message row itself, written once per
// (person, kind, source): a second drain of the same event, or a second digest the same day,
// writes nothing.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import type { EmailKind } from '~db/enums'
import { emailMessages, emailPreferences, users } from '~db/schema'
import type { Composed } from './compose'
import { EMAIL_KIND_INFO, kindInfo } from './kinds'

export type MailRecipient = { id: number; name: string; email: string }

/** Each kind on or off for one person: their choice, else the kind's default. */
export function preferencesOf(db: Queryable, userId: number): Record<EmailKind, boolean> {
  const chosen = new Map(
    db
      .select({ kind: emailPreferences.kind, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId))
      .all()
      .map((p) => [p.kind, p.enabled]),
  )
  return Object.fromEntries(
    EMAIL_KIND_INFO.map((k) => [k.kind, chosen.get(k.kind) ?? k.enabledByDefault]),
  ) as Record<EmailKind, boolean>
}

/**
 * The people among `userIds` who receive `kind`: active, with an address, and not having turned
 * it off (or, for a kind off by default, having turned it on). In id order, each once.
 */
export function mailRecipients(
  db: Queryable,
  userIds: readonly number[],
  kind: EmailKind,
): MailRecipient[] {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return []
  const chosen = new Map(
    db
      .select({ userId: emailPreferences.userId, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(and(eq(emailPreferences.kind, kind), inArray(emailPreferences.userId, ids)))
      .all()
      .map((p) => [p.userId, p.enabled]),
  )
  const byDefault = kindInfo(kind).enabledByDefault
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all()
    .filter((u) => u.email.trim() !== '' && (chosen.get(u.id) ?? byDefault))
}

/**
 * Writes one message for the delivery job to send (or keep, with no SMTP). Returns whether it
 * was written: false when this person already has this kind of message from this source.
 */
export function writeMail(
  db: Queryable,
  to: MailRecipient,
  kind: EmailKind,
  source: string,
  message: Composed,
  now: Date,
): boolean {
  return (
    db
      .insert(emailMessages)
      .values({
        userId: to.id,
        toAddress: to.email,
        kind,
        source,
        ...message,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing()
      .run().changes > 0
  )
}
