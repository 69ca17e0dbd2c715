// Sending e-mails (decision 30): the job runner's delivery job. It claims the pending messages
// that are due in one short transaction, talks to the SMTP server with no transaction open,
// then records each result in another short one: sent, or one more attempt with a later retry
// (1 min, 5 min, 30 min, 2 h, 6 h; then failed). A failing mail server costs the job retries,
// never a user's request: requests only write rows. With no SMTP configured, due messages are
// kept in the in-app mailbox instead.
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Mailer } from '~/platform/mailer.server'
import type { DB } from '~db/connection'
import { emailMessages } from '~db/schema'

/** The wait after each failed attempt; a message failing once more than this is failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000]

/**
 * How long a claimed message is left alone: a sender that died mid-send (a crash, a restart)
 * leaves it to be tried again after this. Longer than the mailer's timeouts.
 */
export const CLAIM_MS = 5 * 60_000

export const DELIVERY_BATCH = 20

const due = (now: Date) =>
  and(
    eq(emailMessages.status, 'pending'),
    or(isNull(emailMessages.nextAttemptAt), lte(emailMessages.nextAttemptAt, now)),
  )

/** Marks every due pending message kept (no SMTP configured). Returns how many. */
export function keepDueMail(db: DB, now: Date): number {
  return db.transaction(
    (tx) =>
      tx.update(emailMessages).set({ status: 'kept', nextAttemptAt: null }).where(due(now)).run()
        .changes,
    { behavior: 'immediate' },
  )
}

/** Claims up to `size` due messages: each is pushed CLAIM_MS on, so no other sender takes it. */
function claimDue(db: DB, now: Date, size: number) {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({
          id: emailMessages.id,
          to: emailMessages.toAddress,
          subject: emailMessages.subject,
          text: emailMessages.text,
          html: emailMessages.html,
          attempts: emailMessages.attempts,
        })
        .from(emailMessages)
        .where(due(now))
        .orderBy(asc(emailMessages.nextAttemptAt), asc(emailMessages.id))
        .limit(size)
        .all()
      if (rows.length)
        tx.update(emailMessages)
          .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
          .where(
            inArray(
              emailMessages.id,
              rows.map((r) => r.id),
            ),
          )
          .run()
      return rows
    },
    { behavior: 'immediate' },
  )
}

/** The error as the mailbox shows it: the server's reply, or the network's complaint. */
function describeError(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string } | null
  // An SMTP reply carries its code ("550 5.1.1 No such user"); a network error, its name.
  const line = e?.response ?? (e?.code ? `${e.code}: ${e.message}` : (e?.message ?? String(error)))
  return line.replace(/\s+/g, ' ').trim().slice(0, 500)
}

/** Records one attempt's result in a short transaction. */
export function recordAttempt(
  db: DB,
  id: number,
  attempts: number,
  now: Date,
  error: unknown | null,
) {
  db.transaction(
    (tx) => {
      if (error === null) {
        tx.update(emailMessages)
          .set({
            status: 'sent',
            sentAt: now,
            attempts: attempts + 1,
            nextAttemptAt: null,
            lastError: null,
          })
          .where(eq(emailMessages.id, id))
          .run()
        return
      }
      const delay = RETRY_DELAYS_MS[attempts]
      tx.update(emailMessages)
        .set({
          status: delay === undefined ? 'failed' : 'pending',
          attempts: sql`${emailMessages.attempts} + 1`,
          nextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay),
          lastError: describeError(error),
        })
        .where(eq(emailMessages.id, id))
        .run()
    },
    { behavior: 'immediate' },
  )
}

/**
 * One batch of delivery: the due messages sent through `mailer` one after the other (or kept,
 * with no mailer). Returns how many it handled, and whether more are due.
 */
export async function deliverDueMail(
  db: DB,
  now: Date,
  mailer: Mailer | null,
  size = DELIVERY_BATCH,
): Promise<{ sent: number; failed: number; kept: number; more: boolean }> {
  // Nothing due (the usual case every 5 s): no need for the write lock.
  const anyDue = db
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(due(now))
    .limit(1)
    .get()
  if (!anyDue) return { sent: 0, failed: 0, kept: 0, more: false }
  if (!mailer) return { sent: 0, failed: 0, kept: keepDueMail(db, now), more: false }
  const rows = claimDue(db, now, size)
  let sent = 0
  let failed = 0
  for (const row of rows) {
    let error: unknown | null = null
    try {
      await mailer.send({ to: row.to, subject: row.subject, text: row.text, html: row.html })
    } catch (caught) {
      error = caught ?? new Error('The mail server refused the message')
    }
    recordAttempt(db, row.id, row.attempts, now, error)
    if (error === null) sent++
    else failed++
  }
  return { sent, failed, kept: 0, more: rows.length === size }
}
