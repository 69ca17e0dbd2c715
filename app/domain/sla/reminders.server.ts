// Reminders before a clock runs out (decision 26): a rep is told when a lead's follow-up clock
// has the reminder share (Settings, 25% by default) of its working time left, and the committee
// members who have not voted are told the same of a case's review clock. Each clock is reminded
// once: the job sets `reminded_at` (`review_reminded_at`) and appends the event from which the
// notifications consumer writes the notices. A clock already run out is not reminded: the
// sweep, or the overdue review queue, speaks for it.
import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { type Case, reviewStart } from '~/domain/cases/case.server'
import { standing } from '~/domain/cases/standing.server'
import { getSlaSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { hoursPerWorkingDay, type WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, workingMsBetween } from '~/domain/sla/clock'
import { appendEvent } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { cases, followUps, userRoles, users, votes } from '~db/schema'

/**
 * The longest clock Settings allow, in working hours (a follow-up or return SLA of 720 hours;
 * a review SLA of 60 days is longer, 1,440): a clock whose remaining time is within the share
 * of it is due within the share of the longest, which bounds what the job reads.
 */
const LONGEST_FOLLOW_UP_HOURS = 720
const LONGEST_REVIEW_DAYS = 60

/**
 * Whether a clock from `start` to `due` is due its reminder at `now`: still running, with at
 * most `percent`% of its working time left (both in the organisation's working time, weekends
 * paused). Pure; compared in whole milliseconds, so the instant is exact.
 */
export function reminderDue(
  clock: { start: Date; due: Date },
  now: Date,
  percent: number,
  calendar: WorkingCalendar,
): boolean {
  if (clock.due <= now) return false
  const total = workingMsBetween(clock.start, clock.due, calendar)
  const left = workingMsBetween(now, clock.due, calendar)
  return left * 100 <= total * percent
}

/** Where a pass of the job stands: the last clock read (due time, id), or null to start. */
export type ReminderCursor = { at: number; id: number } | null

type Batch = { after: ReminderCursor; batchSize: number }
type Step = { reminded: number; next: ReminderCursor }

/** The next `size` running, unreminded follow-up clocks due by `horizon`, soonest first. */
function followUpsToCheck(
  tx: Queryable,
  now: Date,
  horizon: Date,
  after: ReminderCursor,
  size: number,
) {
  return tx
    .select()
    .from(followUps)
    .where(
      and(
        isNull(followUps.actedAt),
        isNull(followUps.remindedAt),
        gt(followUps.dueAt, now),
        lte(followUps.dueAt, horizon),
        after
          ? and(
              gte(followUps.dueAt, new Date(after.at)),
              or(gt(followUps.dueAt, new Date(after.at)), gt(followUps.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(followUps.dueAt), asc(followUps.id))
    .limit(size)
    .all()
}

/**
 * One batch of follow-up reminders, in one immediate transaction: reads the next running
 * clocks not yet reminded (from `follow_ups_reminder_idx`), and for each one with its last share
 * left sets `reminded_at` and appends `follow_up.reminder`. Returns how many it reminded and
 * where the next batch starts (null when the pass is over).
 */
export function remindFollowUps(db: Queryable, now: Date, batch: Batch): Step {
  return db.transaction(
    (tx) => {
      const calendar = getWorkingCalendar(tx)
      const { reminderPercent } = getSlaSettings(tx)
      const horizon = addWorkingHours(
        now,
        (LONGEST_FOLLOW_UP_HOURS * reminderPercent) / 100,
        calendar,
      )
      const rows = followUpsToCheck(tx, now, horizon, batch.after, batch.batchSize)
      let reminded = 0
      for (const f of rows) {
        if (!reminderDue({ start: f.startedAt, due: f.dueAt }, now, reminderPercent, calendar))
          continue
        tx.update(followUps).set({ remindedAt: now }).where(eq(followUps.id, f.id)).run()
        appendEvent(
          tx,
          'follow_up.reminder',
          { followUpId: f.id, leadId: f.leadId, repId: f.repId, dueAt: f.dueAt.getTime() },
          now,
        )
        reminded++
      }
      const last = rows.at(-1)
      return {
        reminded,
        next:
          rows.length === batch.batchSize && last
            ? { at: last.dueAt.getTime(), id: last.id }
            : null,
      }
    },
    { behavior: 'immediate' },
  )
}

/**
 * The committee members to remind of a case: active, with a seat, able to vote on it (not
 * recused, automatically or by choice) and without a vote on it yet.
 */
export function membersYetToVote(tx: Queryable, c: Case): number[] {
  const voted = new Set(
    tx
      .select({ memberId: votes.memberId })
      .from(votes)
      .where(eq(votes.caseId, c.id))
      .all()
      .map((v) => v.memberId),
  )
  return tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'committee')))
    .where(and(eq(users.active, true), sql`${users.seat} IS NOT NULL`))
    .orderBy(asc(users.id))
    .all()
    .map((m) => m.id)
    .filter((id) => !voted.has(id) && standing(tx, c, id).canVote)
}

/**
 * One batch of review reminders, in one immediate transaction: the next open cases not yet
 * reminded (from `cases_review_idx`) whose review clock (from opening, or from being taken up,
 * to `review_due_at`) has its last share left get `review_reminded_at` and the event
 * `case.review_reminder` naming the members yet to vote (none: no event).
 */
export function remindReviews(db: Queryable, now: Date, batch: Batch): Step {
  return db.transaction(
    (tx) => {
      const calendar = getWorkingCalendar(tx)
      const { reminderPercent } = getSlaSettings(tx)
      const horizon = addWorkingHours(
        now,
        (LONGEST_REVIEW_DAYS * hoursPerWorkingDay(calendar) * reminderPercent) / 100,
        calendar,
      )
      const after = batch.after
      const rows = tx
        .select()
        .from(cases)
        .where(
          and(
            eq(cases.status, 'in_review'),
            gt(cases.reviewDueAt, now),
            lte(cases.reviewDueAt, horizon),
            isNull(cases.reviewRemindedAt),
            after
              ? and(
                  gte(cases.reviewDueAt, new Date(after.at)),
                  or(gt(cases.reviewDueAt, new Date(after.at)), gt(cases.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(cases.reviewDueAt), asc(cases.id))
        .limit(batch.batchSize)
        .all()
      let reminded = 0
      for (const c of rows) {
        const clock = { start: reviewStart(c), due: c.reviewDueAt }
        if (!reminderDue(clock, now, reminderPercent, calendar)) continue
        tx.update(cases).set({ reviewRemindedAt: now }).where(eq(cases.id, c.id)).run()
        const memberIds = membersYetToVote(tx, c)
        if (memberIds.length)
          appendEvent(
            tx,
            'case.review_reminder',
            { caseId: c.id, leadId: c.leadId, memberIds, dueAt: c.reviewDueAt.getTime() },
            now,
          )
        reminded++
      }
      const last = rows.at(-1)
      return {
        reminded,
        next:
          rows.length === batch.batchSize && last
            ? { at: last.reviewDueAt.getTime(), id: last.id }
            : null,
      }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Every reminder due at `now`, batch after batch (the demo seed, `npm run jobs` and tests; the
 * server's runner goes one batch a tick). Returns how many clocks of each kind it reminded.
 */
export function sendReminders(db: Queryable, now: Date, batchSize = 200) {
  const done = { followUps: 0, reviews: 0 }
  for (const [key, step] of [
    ['followUps', remindFollowUps],
    ['reviews', remindReviews],
  ] as const) {
    let after: ReminderCursor = null
    do {
      const batch: Step = step(db, now, { after, batchSize })
      done[key] += batch.reminded
      after = batch.next
    } while (after)
  }
  return done
}
