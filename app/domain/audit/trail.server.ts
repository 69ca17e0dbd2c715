// Reading the audit trail: a subject's timeline and the trail's pages, in words people read.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { BATCH_PREFIX } from '~/platform/audit.server'
import { formatDateTime } from '~/platform/time'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import { auditEvents, users } from '~db/schema'
import { actionLabel, describeChanges } from './format'

// The batched entry, among those of the subjects created at one instant, that lists a subject.
const BATCHED_CREATION = `SELECT e.id, e.at, e.action, u.name AS actorName
  FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
  WHERE e.subject_type = ? AND e.subject_id = ? AND EXISTS (
    SELECT 1 FROM json_each(e.after, '$.members') m WHERE json_extract(m.value, '$.id') = ?)`

/**
 * The creation of a subject written in a batch (an import's new leads: one entry per
 * transaction, see `batchingSink`): found by the instant it was created, which keys the batch.
 */
function batchedCreation(db: Queryable, subjectType: string, subjectId: number, createdAt: Date) {
  const row = preparedStatement(db, BATCHED_CREATION).get(
    BATCH_PREFIX + subjectType,
    String(createdAt.getTime()),
    String(subjectId),
  ) as { id: number; at: number; action: string; actorName: string | null } | undefined
  return row ? { ...row, at: new Date(row.at), before: null, after: null } : undefined
}

/**
 * A subject's timeline: its audit entries, oldest first, as people read them. Given when the
 * subject was created, its creation is found among the batched entries too.
 */
export function timelineOf(
  db: Queryable,
  subjectType: string,
  subjectId: number,
  timeZone: string,
  createdAt?: Date,
) {
  const own = db
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
  const batched = createdAt && batchedCreation(db, subjectType, subjectId, createdAt)
  // In the order written: a batch precedes every later entry of the subjects it lists.
  const entries = batched ? [batched, ...own].sort((a, b) => a.id - b.id) : own
  return entries.map((e) => ({
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
