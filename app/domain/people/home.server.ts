// What the home page shows a viewer: one part for each of their roles' work (the rep's queue
// and latest cases, the committee member's cases to vote on, the marketer's cases to answer)
// and the notifications addressed to them.
import { awaitingResponse, listCases, reviewQueue } from '~/domain/cases/lists.server'
import { leadName } from '~/domain/leads/fields'
import { unreadNotifications } from '~/domain/notifications/notifications.server'
import { reengagedInPool } from '~/domain/nurture/pool.server'
import { queueCounts, repQueue } from '~/domain/sales/rep-queue.server'
import { workingLeads } from '~/domain/sales/working-leads.server'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { clockAt, formatWorkingTime, workingMsBetween } from '~/domain/sla/clock'
import { takeFailedSignIns } from '~/platform/rate-limit.server'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'
import { can } from './access'
import type { Role, Seat } from './roles'

type Viewer = {
  id: number
  name: string
  roles: Role[]
  seat: Seat | null
  isChair: boolean
  /** When the viewer's session began: failed sign-ins before it are told once (decision 22). */
  signedInAt: Date
}

/** The rep's home: counts, the queue page at `cursor`, their working leads and newest cases. */
function repHome(
  db: DB,
  viewer: Viewer,
  cursor: string | undefined,
  now: Date,
  calendar: WorkingCalendar,
) {
  const { timeZone } = calendar
  const queue = repQueue(db, viewer.id, now, calendar, cursor)
  const working = workingLeads(db, viewer.id)
  return {
    working: {
      total: working.total,
      rows: working.rows.map((r) => ({
        id: r.id,
        name: leadName(r),
        company: r.company,
        title: r.title,
        acceptedAt: r.acceptedAt ? formatDateTime(r.acceptedAt, timeZone) : null,
        attempts: r.attempts,
        lastAttemptAt: r.lastAttemptAt ? formatDateTime(new Date(r.lastAttemptAt), timeZone) : null,
      })),
    },
    counts: queueCounts(db, viewer.id, now, timeZone),
    queue: {
      nextCursor: queue.nextCursor,
      rows: queue.rows.map((r) => ({
        id: r.id,
        name: leadName(r),
        company: r.company,
        title: r.title,
        source: r.source,
        status: r.status,
        reengaged: r.reengaged,
        evaluation: r.evaluation,
        clock: r.clock,
        due: formatDateTime(r.followUpDueAt as Date, timeZone),
      })),
    },
    myCases: listCases(db, viewer, {}, 5).rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      afterContact: c.afterContact,
      leadId: c.leadId,
      name: leadName({ ...c, id: c.leadId }),
      reason: c.reasonLabel,
      openedAt: formatDateTime(c.openedAt, timeZone),
    })),
  }
}

/** The committee member's home: up to ten open cases waiting for their vote. */
function committeeHome(db: DB, viewer: Viewer, now: Date, calendar: WorkingCalendar) {
  return reviewQueue(db, viewer.id, { needsMyVote: true }, now, 10).rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: leadName({ ...c, id: c.leadId }),
    reason: c.reasonLabel,
    clock: clockAt(now, c.reviewDueAt, calendar),
  }))
}

/** The marketer's home: the cases waiting for their answer. */
function marketerHome(db: DB, viewer: Viewer, now: Date, calendar: WorkingCalendar) {
  return awaitingResponse(db, viewer.id).map((c) => ({
    id: c.id,
    kind: c.kind,
    name: leadName({ ...c, id: c.leadId }),
    reason: c.reasonLabel,
    rep: c.repName,
    clock: clockAt(now, c.reviewDueAt, calendar),
  }))
}

/** A clock still running at `now`: how much working time it has left, as people read it. */
function timeLeft(now: Date, due: Date | null, calendar: WorkingCalendar): string | null {
  if (!due || due <= now) return null
  return formatWorkingTime(workingMsBetween(now, due, calendar), calendar)
}

/** The viewer's unread notifications, newest first, with the clocks the reminders speak of. */
function notificationsHome(db: DB, viewer: Viewer, now: Date, calendar: WorkingCalendar) {
  const { timeZone } = calendar
  return unreadNotifications(db, viewer.id).map((n) => ({
    id: n.id,
    notice: n.kind,
    verdict: n.verdict,
    disposition: n.disposition,
    rationale: n.rationale,
    caseId: n.caseId,
    kind: n.caseKind,
    takenUp: !!n.takenUp,
    // Null for a notice about no lead (a webhook endpoint disabled).
    leadId: n.leadId,
    name: n.leadId === null ? null : leadName({ ...n, id: n.leadId }),
    company: n.company,
    repName: n.repName,
    // The reader is the case's rep: the notice says "you".
    repIsYou: n.repId === viewer.id,
    reason: n.reasonLabel,
    notes: n.notes,
    at: formatDateTime(n.createdAt, timeZone),
    // The lead's follow-up clock, and the case's review clock while it is open.
    followUpLeft: timeLeft(now, n.followUpDueAt, calendar),
    reviewLeft: n.status === 'in_review' ? timeLeft(now, n.reviewDueAt, calendar) : null,
  }))
}

/**
 * The failed sign-ins to the viewer's account since they last signed in, told once: in the
 * first session that began after them, e.g. "3 failed sign-in attempts since your last
 * sign-in, the last on 27 Nov 2026, 14:02 GMT from 203.0.113.9."
 */
function signInNotice(db: DB, viewer: Viewer, timeZone: string): string | null {
  const failed = takeFailedSignIns(db, viewer.id, viewer.signedInAt)
  if (!failed) return null
  const attempts =
    failed.count === 1 ? '1 failed sign-in attempt' : `${failed.count} failed sign-in attempts`
  return `${attempts} since your last sign-in, the last on ${formatDateTime(failed.lastAt, timeZone)} from ${failed.lastAddress}. If that was not you, your password held; tell your admin.`
}

/** The home page: the parts of it the viewer's roles hold. */
export function homePage(db: DB, viewer: Viewer, query: { queue?: string }, now: Date) {
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const rep = can(viewer, 'leads.work') ? repHome(db, viewer, query.queue, now, calendar) : null
  return {
    name: viewer.name,
    roles: viewer.roles,
    seat: viewer.seat,
    isChair: viewer.isChair,
    counts: rep?.counts ?? null,
    queue: rep?.queue ?? null,
    myCases: rep?.myCases ?? [],
    working: rep?.working ?? null,
    toVote: can(viewer, 'cases.vote') ? committeeHome(db, viewer, now, calendar) : null,
    toAnswer: can(viewer, 'cases.respond') ? marketerHome(db, viewer, now, calendar) : null,
    // The marketer's line to the Nurture pool: leads that woke up, waiting to be handed back.
    reengagedInPool: can(viewer, 'nurture.hand_back') ? reengagedInPool(db) : null,
    notifications: notificationsHome(db, viewer, now, calendar),
    signInNotice: signInNotice(db, viewer, timeZone),
  }
}

export type HomePage = ReturnType<typeof homePage>
