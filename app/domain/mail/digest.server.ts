// The daily digest (decision 30), opt-in: once per local day of the organisation (Settings'
// time zone), from 07:00 there, one message to each person who chose it, with what waits for
// them: a rep's queue and clocks, a marketer's cases to answer, a committee member's votes
// due, and leadership's figures for the day before. Source `digest:<local date>`, so a day has
// one digest per person however often the job runs.
import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import { awaitingResponse, reviewQueue } from '~/domain/cases/lists.server'
import { leadName } from '~/domain/leads/fields'
import { queueCounts } from '~/domain/sales/rep-queue.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { calendarDate, instantOfLocal, localOfInstant } from '~/domain/sla/clock'
import { siteOrigin } from '~/platform/mailer.server'
import { formatDate } from '~/platform/time'
import type { Queryable } from '~db/connection'
import type { Role } from '~db/enums'
import { cases, emailMessages, userRoles, users } from '~db/schema'
import { digestMail, leadLabel } from './compose'
import { mailRecipients, writeMail } from './messages.server'

/** The local hour from which the day's digest is written. */
export const DIGEST_HOUR = 7

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function names(rows: { leadId: number; company: string | null }[], total: number) {
  const shown = rows.slice(0, 5).map((r) => leadLabel(leadName({ ...r, id: r.leadId }), r.company))
  return total > shown.length
    ? `${shown.join(', ')} and ${total - shown.length} more`
    : shown.join(', ')
}

/** What waits for one person, a paragraph for each of their roles that has something. */
export function digestSections(
  db: Queryable,
  person: { id: number; roles: readonly Role[] },
  now: Date,
  day: { timeZone: string; start: Date; yesterday: Date },
): string[] {
  const sections: string[] = []
  if (person.roles.includes('rep')) {
    const q = queueCounts(db, person.id, now, day.timeZone)
    sections.push(
      `Your queue: ${plural(q.open, 'lead')} with a running clock, ${q.dueToday} due today, ${q.overdue} overdue.`,
    )
  }
  if (person.roles.includes('marketer')) {
    const rows = awaitingResponse(db, person.id, 100)
    if (rows.length)
      sections.push(
        `${plural(rows.length, 'case')} ${rows.length === 1 ? 'waits' : 'wait'} for your response: ${names(rows, rows.length)}.`,
      )
    else sections.push('No case waits for your response.')
  }
  if (person.roles.includes('committee')) {
    const rows = reviewQueue(db, person.id, { needsMyVote: true }, now, 100).rows
    if (rows.length)
      sections.push(
        `${plural(rows.length, 'case')} ${rows.length === 1 ? 'waits' : 'wait'} for your vote: ${names(rows, rows.length)}.`,
      )
    else sections.push('No case waits for your vote.')
  }
  if (person.roles.includes('leadership')) {
    const between = (column: typeof cases.openedAt | typeof cases.decidedAt) =>
      and(gte(column, day.yesterday), lt(column, day.start))
    const count = (where: SQL | undefined) =>
      db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()?.n ?? 0
    const opened = count(between(cases.openedAt))
    const decided = count(and(eq(cases.status, 'decided'), between(cases.decidedAt)))
    const conceded = count(and(eq(cases.status, 'conceded'), between(cases.decidedAt)))
    const open = count(eq(cases.status, 'in_review'))
    sections.push(
      `Yesterday: ${plural(opened, 'case')} opened, ${decided} decided by the committee, ${conceded} conceded by Marketing; ${open} open now.`,
    )
  }
  return sections
}

/** The organisation's local day at `now`, and whether its digest hour has come. */
export function digestDay(now: Date, timeZone: string) {
  const local = localOfInstant(now, timeZone)
  const date = local.slice(0, 10)
  const previous = calendarDate(date)?.subtract({ days: 1 }).toString() ?? date
  return {
    date,
    due: Number(local.slice(11, 13)) >= DIGEST_HOUR,
    start: instantOfLocal(`${date}T00:00`, timeZone),
    yesterday: instantOfLocal(`${previous}T00:00`, timeZone),
    label: formatDate(now, timeZone),
  }
}

/**
 * Writes today's digest for everyone who chose it and has none yet, in one immediate
 * transaction; nothing before 07:00 local. Returns how many it wrote.
 */
export function writeDigests(db: Queryable, now: Date): number {
  return db.transaction(
    (tx) => {
      const { timeZone } = getOrganisationSettings(tx)
      const day = digestDay(now, timeZone)
      if (!day.due) return 0
      const source = `digest:${day.date}`
      const written = sql`(SELECT 1 FROM ${emailMessages} WHERE ${emailMessages.userId} = ${users.id} AND ${emailMessages.kind} = 'daily_digest' AND ${emailMessages.source} = ${source})`
      const ids = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.active, true), sql`NOT EXISTS ${written}`))
        .orderBy(asc(users.id))
        .all()
        .map((u) => u.id)
      const origin = siteOrigin()
      let count = 0
      for (const to of mailRecipients(tx, ids, 'daily_digest')) {
        const roles = tx
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(eq(userRoles.userId, to.id))
          .all()
          .map((r) => r.role)
        const sections = digestSections(tx, { id: to.id, roles }, now, { ...day, timeZone })
        const message = digestMail(origin, to.name, { day: day.label, sections })
        if (writeMail(tx, to, 'daily_digest', source, message, now)) count++
      }
      return count
    },
    { behavior: 'immediate' },
  )
}
