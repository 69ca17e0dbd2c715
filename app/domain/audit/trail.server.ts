// Reading the audit trail: a subject's timeline and the trail's pages, in words people read.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { formatDateTime } from '~/platform/time'
import type { DB, Queryable } from '~db/connection'
import { auditEvents, users } from '~db/schema'
import { actionLabel, describeChanges } from './format'

/** A subject's timeline: its audit entries, oldest first, as people read them. */
export function timelineOf(
  db: Queryable,
  subjectType: string,
  subjectId: number,
  timeZone: string,
) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, String(subjectId))),
    )
    .orderBy(asc(auditEvents.id))
    .all()
    .map((e) => ({
      id: e.id,
      action: e.action,
      when: formatDateTime(e.at, timeZone),
      who: e.actorName ?? 'System',
      what: actionLabel(e.action),
      // What a creation or an opening holds is on the page; later entries show what changed.
      changes: /\.(created|opened)$/.test(e.action) ? [] : describeChanges(e.before, e.after),
    }))
}

const AUDIT_PAGE_SIZE = 50

const subjectUser = alias(users, 'subject_user')

/** One page of the whole trail, newest first, with the names of the actor and of a user subject. */
export function listAuditEvents(db: DB, page: number) {
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
      actorName: users.name,
      subjectName: subjectUser.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(
      subjectUser,
      and(
        eq(auditEvents.subjectType, 'user'),
        eq(subjectUser.id, sql`CAST(${auditEvents.subjectId} AS INTEGER)`),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(auditEvents).get()?.n ?? 0
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) }
}
