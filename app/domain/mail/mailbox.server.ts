// The in-app mailbox (decision 30): every e-mail the app wrote, newest first, for admins —
// sent, kept (no SMTP configured), waiting or failed — and one message to read.
import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { emailMessages, users } from '~db/schema'
import type { MailboxQuery } from './schema'

export const MAILBOX_PAGE_SIZE = 50

/** A page of the mailbox, filtered by status and recipient, newest first (keyset by id). */
export function mailbox(db: Queryable, query: MailboxQuery, pageSize = MAILBOX_PAGE_SIZE) {
  const rows = db
    .select({
      id: emailMessages.id,
      toAddress: emailMessages.toAddress,
      toName: users.name,
      kind: emailMessages.kind,
      subject: emailMessages.subject,
      status: emailMessages.status,
      attempts: emailMessages.attempts,
      lastError: emailMessages.lastError,
      nextAttemptAt: emailMessages.nextAttemptAt,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
    })
    .from(emailMessages)
    .innerJoin(users, eq(users.id, emailMessages.userId))
    .where(
      and(
        query.status ? eq(emailMessages.status, query.status) : undefined,
        query.to
          ? sql`instr(lower(${emailMessages.toAddress}), lower(${query.to})) > 0`
          : undefined,
        query.before ? lt(emailMessages.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(emailMessages.id))
    .limit(pageSize + 1)
    .all()
  const page = rows.slice(0, pageSize)
  return { rows: page, nextBefore: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null }
}

/** One message with its recipient's name, or null. */
export function mailMessage(db: Queryable, id: number) {
  return (
    db
      .select({ message: emailMessages, toName: users.name })
      .from(emailMessages)
      .innerJoin(users, eq(users.id, emailMessages.userId))
      .where(eq(emailMessages.id, id))
      .get() ?? null
  )
}
