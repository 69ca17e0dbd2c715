import { and, count, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { DB, Queryable } from '~db/connection'
import { auditEvents, users } from '~db/schema'

export type AuditEntry = {
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string | number
  before?: unknown
  after?: unknown
}

/** Appends one entry to the audit trail. Call it inside the transaction of the change. */
export function recordAudit(db: Queryable, entry: AuditEntry, now: Date) {
  db.insert(auditEvents)
    .values({
      at: now,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run()
}

export const AUDIT_PAGE_SIZE = 50

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
