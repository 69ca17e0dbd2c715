// The e-mail consumer of the outbox (decision 30): turns the events people hear about by mail
// into `email_messages` rows, one per person, kind and event (`event:<id>`), for the delivery
// job to send. It runs inside the transaction that moves its cursor, so it only writes rows:
// no network here. Recipients follow the notifications consumer (marketersToTell), narrowed by
// each person's preferences. An event older than a day when the consumer reads it writes no
// mail: a backlog (a long stop, the demo's year of history) must not flood inboxes with news
// the in-app notifications already hold.
import { eq } from 'drizzle-orm'
import { leadName } from '~/domain/leads/fields'
import { activeAdmins, marketersToTell } from '~/domain/notifications/recipients.server'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import { formatWorkingTime, workingMsBetween } from '~/domain/sla/clock'
import type { StoredEvent } from '~/platform/events/catalog'
import type { Consumer } from '~/platform/events/outbox.server'
import { siteOrigin } from '~/platform/mailer.server'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import type { EmailKind } from '~db/enums'
import { cases, leads, users } from '~db/schema'
import {
  type CaseFacts,
  type Composed,
  caseOpenedMail,
  followUpReminderMail,
  leadLabel,
  reviewReminderMail,
  verdictMail,
  webhookDisabledMail,
} from './compose'
import { type MailRecipient, mailRecipients, writeMail } from './messages.server'

/** Events older than this when read write no mail. */
export const MAIL_EVENT_MAX_AGE_MS = 24 * 60 * 60 * 1000

const HANDED_OVER = 'you handed over this lead'
const EVERY_MARKETER = 'no marketer is named on this lead, so every marketer hears of its cases'

/** The case and its lead, as the messages name them. */
export function caseFacts(db: Queryable, caseId: number) {
  const row = db
    .select({
      caseId: cases.id,
      kind: cases.kind,
      reason: cases.reasonLabel,
      repName: users.name,
      marketerId: cases.marketerId,
      openedAt: cases.openedAt,
      takenUpAt: cases.takenUpAt,
      reviewDueAt: cases.reviewDueAt,
      leadId: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      externalId: leads.externalId,
      company: leads.company,
    })
    .from(cases)
    .innerJoin(leads, eq(leads.id, cases.leadId))
    .innerJoin(users, eq(users.id, cases.repId))
    .where(eq(cases.id, caseId))
    .get()
  if (!row) return null
  return {
    ...row,
    lead: leadLabel(leadName({ ...row, id: row.leadId }), row.company),
  } satisfies CaseFacts & Record<string, unknown>
}

function leadFacts(db: Queryable, leadId: number) {
  const row = db.select().from(leads).where(eq(leads.id, leadId)).get()
  return row ? leadLabel(leadName(row), row.company) : null
}

/** Writes one message to each person in `whys` who receives `kind`, each with their own reason. */
function send(
  tx: Queryable,
  whys: Map<number, string>,
  kind: EmailKind,
  source: string,
  now: Date,
  build: (to: MailRecipient, why: string) => Composed,
) {
  for (const to of mailRecipients(tx, [...whys.keys()], kind))
    writeMail(tx, to, kind, source, build(to, whys.get(to.id) as string), now)
}

/** Adds a person with their reason, unless a reason already names them. */
function add(whys: Map<number, string>, ids: readonly number[], why: string) {
  for (const id of ids) if (!whys.has(id)) whys.set(id, why)
}

function marketerWhys(tx: Queryable, marketerId: number | null) {
  const whys = new Map<number, string>()
  add(whys, marketersToTell(tx, marketerId), marketerId ? HANDED_OVER : EVERY_MARKETER)
  return whys
}

function repWhy(kind: 'rejected' | 'ignored') {
  return kind === 'ignored'
    ? 'the follow-up clock of this lead ran out in your queue'
    : 'you rejected this lead'
}

function handle(tx: Queryable, event: StoredEvent, now: Date) {
  if (now.getTime() - event.occurredAt.getTime() > MAIL_EVENT_MAX_AGE_MS) return
  const origin = siteOrigin()
  const source = `event:${event.id}`
  const at = event.occurredAt
  switch (event.type) {
    case 'case.opened': {
      const facts = caseFacts(tx, event.payload.caseId)
      if (!facts) return
      const whys = marketerWhys(tx, event.payload.marketerId)
      send(tx, whys, 'case_opened', source, at, (to, why) =>
        caseOpenedMail(origin, to.name, facts, why),
      )
      return
    }
    case 'case.decided': {
      const { caseId, repId, returnedTo, marketerId, verdict, disposition } = event.payload
      const facts = caseFacts(tx, caseId)
      if (!facts) return
      const whys = new Map<number, string>()
      add(whys, [repId], repWhy(facts.kind))
      if (returnedTo) add(whys, [returnedTo], 'the lead returns to you')
      for (const [id, why] of marketerWhys(tx, marketerId)) add(whys, [id], why)
      const returnedName = returnedTo
        ? (tx.select({ name: users.name }).from(users).where(eq(users.id, returnedTo)).get()
            ?.name ?? null)
        : null
      send(tx, whys, 'verdict', source, at, (to, why) =>
        verdictMail(
          origin,
          to.name,
          { ...facts, outcome: verdict, disposition, returnedTo: returnedName },
          why,
        ),
      )
      return
    }
    case 'case.conceded': {
      // The rep hears of it, and the lead's marketer unless they conceded it themselves.
      const { caseId, repId, by, disposition } = event.payload
      const facts = caseFacts(tx, caseId)
      if (!facts) return
      const whys = new Map<number, string>()
      add(whys, [repId], repWhy(facts.kind))
      if (facts.marketerId && facts.marketerId !== by) add(whys, [facts.marketerId], HANDED_OVER)
      send(tx, whys, 'verdict', source, at, (to, why) =>
        verdictMail(
          origin,
          to.name,
          { ...facts, outcome: 'conceded', disposition, returnedTo: null },
          why,
        ),
      )
      return
    }
    case 'follow_up.reminder': {
      const { leadId, repId, dueAt } = event.payload
      const lead = leadFacts(tx, leadId)
      if (!lead) return
      const calendar = getWorkingCalendar(tx)
      const { timeZone } = calendar
      const due = new Date(dueAt)
      const facts = {
        leadId,
        lead,
        left: formatWorkingTime(workingMsBetween(at, due, calendar), calendar),
        due: formatDateTime(due, timeZone),
      }
      send(tx, new Map([[repId, '']]), 'clock_reminder', source, at, (to) =>
        followUpReminderMail(origin, to.name, facts),
      )
      return
    }
    case 'case.review_reminder': {
      const { caseId, memberIds, dueAt } = event.payload
      const c = caseFacts(tx, caseId)
      if (!c) return
      const calendar = getWorkingCalendar(tx)
      const { timeZone } = calendar
      const due = new Date(dueAt)
      const facts = {
        caseId,
        lead: c.lead,
        left: formatWorkingTime(workingMsBetween(at, due, calendar), calendar),
        due: formatDateTime(due, timeZone),
      }
      const whys = new Map(memberIds.map((id) => [id, '']))
      send(tx, whys, 'clock_reminder', source, at, (to) =>
        reviewReminderMail(origin, to.name, facts),
      )
      return
    }
    case 'webhook.disabled': {
      const whys = new Map(activeAdmins(tx).map((id) => [id, '']))
      send(tx, whys, 'webhook_disabled', source, at, (to) =>
        webhookDisabledMail(origin, to.name, event.payload),
      )
      return
    }
    default:
      return
  }
}

export const mailConsumer: Consumer = { name: 'mail', handle }
