// Sending e-mails (decision 30): the job runner's delivery job. It reads the pending messages
// that are due, and for each claims it in one short transaction (still wanted by its recipient,
// else failed unsent), talks to the SMTP server with no transaction open, then records the
// result in another short one at the clock's time then: sent, or one more attempt with a later
// retry (1 min, 5 min, 30 min, 2 h, 6 h; then failed). A server that cannot be reached stops
// the batch. A failing mail server costs the job retries, never a user's request: requests only
// write rows. With no SMTP configured, due messages are kept in the in-app mailbox instead.
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import { isServerDown, type Mailer } from '~/platform/mailer.server'
import type { DB, Queryable } from '~db/connection'
import type { EmailKind } from '~db/enums'
import { emailMessages, users } from '~db/schema'
import { mailRecipients } from './messages.server'

/** The wait after each failed attempt; a message failing once more than this is failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000]

/**
 * How long a claimed message is left alone: a sender that died mid-send (a crash, a restart)
 * leaves it to be tried again after this. Each message is claimed just before it is sent, so
 * this only has to outlast one message's worst case (the mailer's timeouts: 15 s to connect,
 * 15 s for the greeting, 30 s of silence per reply), not a batch's.
 */
export const CLAIM_MS = 5 * 60_000

export const DELIVERY_BATCH = 20

const due = (now: Date) =>
  and(
    eq(emailMessages.status, 'pending'),
    or(isNull(emailMessages.nextAttemptAt), lte(emailMessages.nextAttemptAt, now)),
  )

/** The mailbox's reason for a message not sent because its recipient no longer wants it. */
export const UNWANTED_ERRORS = {
  optedOut: 'The recipient stopped this kind of e-mail',
  inactive: 'The recipient is no longer active',
} as const

/**
 * Why `userId` no longer receives `kind` (deactivated, or the kind turned off since the message
 * was written), or null when they still do. The rule is `mailRecipients`, read at sending time.
 */
function unwantedBecause(tx: Queryable, userId: number, kind: EmailKind): string | null {
  if (mailRecipients(tx, [userId], kind).length) return null
  const user = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get()
  return user?.active ? UNWANTED_ERRORS.optedOut : UNWANTED_ERRORS.inactive
}

/** Leaves a message unsent for good: failed, with the reason, no attempt counted. */
function markUnwanted(tx: Queryable, id: number, reason: string) {
  tx.update(emailMessages)
    .set({ status: 'failed', nextAttemptAt: null, lastError: reason })
    .where(eq(emailMessages.id, id))
    .run()
}

/**
 * Marks every due pending message kept (no SMTP configured), but those whose recipient no
 * longer wants them, which are failed with the reason. Returns how many were kept and failed.
 */
export function keepDueMail(db: DB, now: Date): { kept: number; unwanted: number } {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({ id: emailMessages.id, userId: emailMessages.userId, kind: emailMessages.kind })
        .from(emailMessages)
        .where(due(now))
        .all()
      const kinds = [...new Set(rows.map((r) => r.kind))]
      const wanted = new Map(
        kinds.map((kind) => {
          const ids = rows.filter((r) => r.kind === kind).map((r) => r.userId)
          return [kind, new Set(mailRecipients(tx, ids, kind).map((u) => u.id))]
        }),
      )
      let unwanted = 0
      for (const r of rows)
        if (!wanted.get(r.kind)?.has(r.userId)) {
          markUnwanted(tx, r.id, unwantedBecause(tx, r.userId, r.kind) ?? UNWANTED_ERRORS.optedOut)
          unwanted++
        }
      const kept = tx
        .update(emailMessages)
        .set({ status: 'kept', nextAttemptAt: null })
        .where(due(now))
        .run().changes
      return { kept, unwanted }
    },
    { behavior: 'immediate' },
  )
}

type Claimed = {
  id: number
  to: string
  subject: string
  text: string
  html: string
  attempts: number
}

/**
 * Claims one message just before it is sent, at `now` (the clock then): still pending and due
 * (no other sender took it), and still wanted (else failed with the reason, and null). Pushed
 * CLAIM_MS on, so no other sender takes it while this one talks to the server.
 */
function claim(db: DB, id: number, now: Date): Claimed | 'unwanted' | null {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({
          id: emailMessages.id,
          userId: emailMessages.userId,
          kind: emailMessages.kind,
          to: emailMessages.toAddress,
          subject: emailMessages.subject,
          text: emailMessages.text,
          html: emailMessages.html,
          attempts: emailMessages.attempts,
        })
        .from(emailMessages)
        .where(and(eq(emailMessages.id, id), due(now)))
        .get()
      if (!row) return null
      const reason = unwantedBecause(tx, row.userId, row.kind)
      if (reason) {
        markUnwanted(tx, row.id, reason)
        return 'unwanted'
      }
      tx.update(emailMessages)
        .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
        .where(eq(emailMessages.id, id))
        .run()
      const { userId: _u, kind: _k, ...claimed } = row
      return claimed
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

export type DeliverOptions = {
  /** Messages a batch reads (default DELIVERY_BATCH). */
  size?: number
  /** The clock read when each message is claimed and its result recorded (default: `now`). */
  clock?: () => Date
}

/**
 * One batch of delivery: the due messages sent through `mailer` one after the other, each
 * claimed just before it is sent and recorded at the clock's time when the server answered (or
 * kept, with no mailer). A message whose recipient no longer wants it is failed, unsent. The
 * batch stops at the first connection-level failure (the server is down): the messages after
 * it are left as they were, no attempt counted. Returns what it did, and whether more are due.
 */
export async function deliverDueMail(
  db: DB,
  now: Date,
  mailer: Mailer | null,
  options: DeliverOptions = {},
): Promise<{ sent: number; failed: number; kept: number; unwanted: number; more: boolean }> {
  const size = options.size ?? DELIVERY_BATCH
  const clock = options.clock ?? (() => now)
  // Nothing due (the usual case every 5 s): no need for the write lock.
  const ids = db
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(due(now))
    .orderBy(asc(emailMessages.nextAttemptAt), asc(emailMessages.id))
    .limit(size)
    .all()
  if (ids.length === 0) return { sent: 0, failed: 0, kept: 0, unwanted: 0, more: false }
  if (!mailer) return { sent: 0, failed: 0, ...keepDueMail(db, now), more: false }
  let sent = 0
  let failed = 0
  let unwanted = 0
  for (const { id } of ids) {
    const row = claim(db, id, clock())
    if (row === 'unwanted') unwanted++
    if (row === null || row === 'unwanted') continue
    let error: unknown | null = null
    try {
      await mailer.send({ to: row.to, subject: row.subject, text: row.text, html: row.html })
    } catch (caught) {
      error = caught ?? new Error('The mail server refused the message')
    }
    recordAttempt(db, row.id, row.attempts, clock(), error)
    if (error === null) {
      sent++
      continue
    }
    failed++
    // The server is down: the rest would each wait for the same timeout.
    if (isServerDown(error)) return { sent, failed, kept: 0, unwanted, more: false }
  }
  return { sent, failed, kept: 0, unwanted, more: ids.length === size }
}
