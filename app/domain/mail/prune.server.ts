// Pruning the mailbox (decision 30): the hourly purge deletes the messages written more than 90
// days ago that are done with (sent, kept or failed); a message still pending is left to its
// retries. The `email_messages_created_idx` index finds them.
import { and, inArray, lt } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { emailMessages } from '~db/schema'

export const MAIL_KEPT_DAYS = 90

/** Deletes the messages done with and written more than 90 days before `now`. Returns how many. */
export function pruneOldMail(db: Queryable, now: Date): number {
  const cutoff = new Date(now.getTime() - MAIL_KEPT_DAYS * 24 * 3_600_000)
  return db
    .delete(emailMessages)
    .where(
      and(
        lt(emailMessages.createdAt, cutoff),
        inArray(emailMessages.status, ['sent', 'kept', 'failed']),
      ),
    )
    .run().changes
}
