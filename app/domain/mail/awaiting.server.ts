// "A case waiting for marketing's response" (decision 30): a periodic job finds the open cases
// Marketing has not answered when half of their review clock's working time has gone, and
// writes the lead's marketer (every marketer when none is named) one message per case, with
// source `awaiting:<caseId>`. The case's `awaiting_mailed_at` is the memory: set when the half
// clock is found gone, whether or not anyone still wants the message, so a case is looked at
// until then and never after (a case whose marketers all opted out is not read every minute).
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm'
import { reviewStart } from '~/domain/cases/case.server'
import { marketersToTell } from '~/domain/notifications/recipients.server'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { workingMsBetween } from '~/domain/sla/clock'
import { siteOrigin } from '~/platform/mailer.server'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { cases } from '~db/schema'
import { awaitingResponseMail } from './compose'
import { caseFacts } from './consumer.server'
import { mailRecipients, writeMail } from './messages.server'

/** Open cases not yet written about read per run, soonest due first (cases_review_idx). */
const AWAITING_CANDIDATES = 500
/** Cases whose half clock has gone written about in one transaction. */
export const AWAITING_BATCH = 100

/**
 * Whether a case opened (or taken up) at `start` and due at `due` has used half its working
 * time at `now`. Pure.
 */
export function halfClockGone(
  start: Date,
  due: Date,
  now: Date,
  calendar: WorkingCalendar,
): boolean {
  if (due <= now) return false
  return workingMsBetween(start, now, calendar) * 2 >= workingMsBetween(start, due, calendar)
}

const waiting = (now: Date) =>
  and(
    eq(cases.status, 'in_review'),
    isNull(cases.response),
    isNull(cases.awaitingMailedAt),
    gt(cases.reviewDueAt, now),
  )

/**
 * One batch: the open cases with no response and no message yet, read without the write lock;
 * those whose half clock has gone at `now` (up to `size`) are marked and written about in one
 * immediate transaction. Returns the messages written, the cases marked, and whether more
 * cases are due.
 */
export function remindAwaitingResponse(
  db: Queryable,
  now: Date,
  size = AWAITING_BATCH,
): { written: number; cases: number; more: boolean } {
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const due = db
    .select({
      id: cases.id,
      openedAt: cases.openedAt,
      takenUpAt: cases.takenUpAt,
      reviewDueAt: cases.reviewDueAt,
    })
    .from(cases)
    .where(waiting(now))
    .orderBy(asc(cases.reviewDueAt), asc(cases.id))
    .limit(AWAITING_CANDIDATES)
    .all()
    .filter((c) => halfClockGone(reviewStart(c), c.reviewDueAt, now, calendar))
  const batch = due.slice(0, size)
  if (batch.length === 0) return { written: 0, cases: 0, more: false }
  return db.transaction(
    (tx) => {
      // Marked under the write lock, re-checked: a response or a close since the read wins.
      const marked = tx
        .update(cases)
        .set({ awaitingMailedAt: now })
        .where(
          and(
            inArray(
              cases.id,
              batch.map((c) => c.id),
            ),
            waiting(now),
          ),
        )
        .returning({
          id: cases.id,
          openedAt: cases.openedAt,
          takenUpAt: cases.takenUpAt,
          reviewDueAt: cases.reviewDueAt,
          marketerId: cases.marketerId,
        })
        .all()
      const origin = siteOrigin()
      let written = 0
      for (const c of marked) {
        const recipients = mailRecipients(
          tx,
          marketersToTell(tx, c.marketerId),
          'awaiting_response',
        )
        if (recipients.length === 0) continue
        const facts = caseFacts(tx, c.id)
        if (!facts) continue
        const why = c.marketerId
          ? 'you handed over this lead'
          : 'no marketer is named on this lead, so every marketer hears of its cases'
        const full = {
          ...facts,
          opened: formatDateTime(reviewStart(c), timeZone),
          due: formatDateTime(c.reviewDueAt, timeZone),
        }
        for (const to of recipients)
          if (
            writeMail(
              tx,
              to,
              'awaiting_response',
              `awaiting:${c.id}`,
              awaitingResponseMail(origin, to.name, full, why),
              now,
            )
          )
            written++
      }
      return { written, cases: marked.length, more: due.length > size }
    },
    { behavior: 'immediate' },
  )
}
