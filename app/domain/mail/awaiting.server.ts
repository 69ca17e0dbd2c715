// "A case waiting for marketing's response" (decision 30): a periodic job finds the open cases
// Marketing has not answered when half of their review clock's working time has gone, and
// writes the lead's marketer (every marketer when none is named) one message per case, with
// source `awaiting:<caseId>`. Once per case and marketer: the unique (person, kind, source)
// row is the memory, so a case already written about is not read again.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { reviewStart } from '~/domain/cases/case.server'
import { marketersToTell } from '~/domain/notifications/recipients.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { workingMsBetween } from '~/domain/sla/clock'
import { siteOrigin } from '~/platform/mailer.server'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { cases, emailMessages } from '~db/schema'
import { awaitingResponseMail } from './compose'
import { caseFacts } from './consumer.server'
import { mailRecipients, writeMail } from './messages.server'

/** Open cases read per run, soonest due first. */
const AWAITING_BATCH = 500

/**
 * Whether a case opened (or taken up) at `start` and due at `due` has used half its working
 * time at `now`. Pure.
 */
export function halfClockGone(start: Date, due: Date, now: Date, timeZone: string): boolean {
  if (due <= now) return false
  return workingMsBetween(start, now, timeZone) * 2 >= workingMsBetween(start, due, timeZone)
}

/** Writes the messages due at `now` in one immediate transaction. Returns how many it wrote. */
export function remindAwaitingResponse(db: Queryable, now: Date): number {
  return db.transaction(
    (tx) => {
      const { timeZone } = getOrganisationSettings(tx)
      const written = sql`(SELECT 1 FROM ${emailMessages} WHERE ${emailMessages.kind} = 'awaiting_response' AND ${emailMessages.source} = 'awaiting:' || ${cases.id})`
      const open = tx
        .select({
          id: cases.id,
          openedAt: cases.openedAt,
          takenUpAt: cases.takenUpAt,
          reviewDueAt: cases.reviewDueAt,
          marketerId: cases.marketerId,
        })
        .from(cases)
        .where(
          and(
            eq(cases.status, 'in_review'),
            isNull(cases.response),
            gt(cases.reviewDueAt, now),
            sql`NOT EXISTS ${written}`,
          ),
        )
        .orderBy(asc(cases.reviewDueAt), asc(cases.id))
        .limit(AWAITING_BATCH)
        .all()
      const origin = siteOrigin()
      let count = 0
      for (const c of open) {
        if (!halfClockGone(reviewStart(c), c.reviewDueAt, now, timeZone)) continue
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
        for (const to of mailRecipients(tx, marketersToTell(tx, c.marketerId), 'awaiting_response'))
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
            count++
      }
      return count
    },
    { behavior: 'immediate' },
  )
}
