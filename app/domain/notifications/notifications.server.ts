// What a user must hear about, shown on their home until they mark it read: a case opened on
// a lead they answer for, its concession or its verdict; a clock near its end; a lead that came
// to them from a rep who let its clock run out; a nurtured lead that woke up. The rows are written by the
// notifications consumer (consumer.server.ts), from the outbox's events.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { LEAD_NAME_COLUMNS } from '~/domain/leads/lead.server'
import type { Queryable } from '~db/connection'
import type { NotificationKind } from '~db/enums'
import { cases, leads, notifications, users } from '~db/schema'

export function notify(
  db: Queryable,
  userIds: number[],
  /**
   * `caseId` is null for a notice about a lead alone (a follow-up reminder, the Nurture pool);
   * both are null for one about neither (a webhook endpoint disabled, to admins).
   */
  about: { kind: NotificationKind; caseId: number | null; leadId: number | null },
  now: Date,
) {
  const recipients = [...new Set(userIds)]
  if (recipients.length === 0) return
  db.insert(notifications)
    .values(recipients.map((userId) => ({ userId, ...about, createdAt: now })))
    .run()
}

/**
 * The user's unread notifications, newest first, with the lead they are about, its clock, and
 * the case where there is one.
 */
export function unreadNotifications(db: Queryable, userId: number, limit = 20) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      caseId: cases.id,
      caseKind: cases.kind,
      notes: cases.notes,
      verdict: cases.verdict,
      disposition: cases.disposition,
      rationale: cases.rationale,
      status: cases.status,
      takenUp: sql<boolean>`${cases.takenUpAt} IS NOT NULL`,
      reasonLabel: cases.reasonLabel,
      reviewDueAt: cases.reviewDueAt,
      leadId: leads.id,
      ...LEAD_NAME_COLUMNS,
      followUpDueAt: leads.followUpDueAt,
      repId: cases.repId,
      repName: users.name,
    })
    .from(notifications)
    .leftJoin(leads, eq(leads.id, notifications.leadId))
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .leftJoin(users, eq(users.id, cases.repId))
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
}

/** Marks one of the user's notifications read, or all of them; another user's are untouched. */
export function markNotificationsRead(
  db: Queryable,
  userId: number,
  which: number | 'all',
  now: Date,
): number {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        which === 'all' ? undefined : eq(notifications.id, which),
      ),
    )
    .run().changes
}
