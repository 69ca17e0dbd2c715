// Reading the audit trail: a subject's timeline and the trail's pages, in words people read.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { BATCH_PREFIX } from '~/platform/audit.server'
import { formatDateTime } from '~/platform/time'
import { type DB, preparedStatement, type Queryable } from '~db/connection'
import { auditEvents, cases, reasons, users } from '~db/schema'
import { describeChanges } from './details'
import { subjectLabel, subjectPath } from './format'
import { type AuditFacts, auditSentence, type Reading } from './sentences'
import { fieldsOf, num } from './words'

/** Who reads the trail: the signed-in user ("you") in the organisation's time zone. */
export type Reader = { readerId: number | null; timeZone: string }

/**
 * What the sentences of some entries need from the database: every user's name (a short table)
 * and the reasons of the cases the entries name.
 */
function readingFor(
  db: Queryable,
  reader: Reader,
  entries: readonly { after: unknown }[],
): Reading {
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  )
  const caseIds = [
    ...new Set(
      entries.map((e) => num(fieldsOf(e.after).caseId)).filter((id): id is number => id !== null),
    ),
  ]
  const reasonOf = new Map(
    caseIds.length
      ? db
          .select({ id: cases.id, reason: cases.reasonLabel })
          .from(cases)
          .where(inArray(cases.id, caseIds))
          .all()
          .map((c) => [c.id, c.reason])
      : [],
  )
  return {
    ...reader,
    nameOf: (id) => names.get(id) ?? null,
    reasonOfCase: (id) => reasonOf.get(id) ?? null,
  }
}

// The batched entry, among those of the subjects created at one instant, that lists a subject.
const BATCHED_CREATION = `SELECT e.id, e.at, e.action, e.actor_id AS actorId, u.name AS actorName,
    json_extract(m.value, '$.after') AS memberAfter
  FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id, json_each(e.after, '$.members') m
  WHERE e.subject_type = ? AND e.subject_id = ? AND json_extract(m.value, '$.id') = ?`

type BatchedRow = {
  id: number
  at: number
  action: string
  actorId: number | null
  actorName: string | null
  memberAfter: string | null
}

/**
 * The creation of a subject written in a batch (an import's new leads: one entry per
 * transaction, see `batchingSink`): found by the instant it was created, which keys the batch,
 * with what the subject's own entry would have held.
 */
function batchedCreation(db: Queryable, subjectType: string, subjectId: number, createdAt: Date) {
  const row = preparedStatement(db, BATCHED_CREATION).get(
    BATCH_PREFIX + subjectType,
    String(createdAt.getTime()),
    String(subjectId),
  ) as BatchedRow | undefined
  if (!row) return undefined
  const { memberAfter, ...entry } = row
  const after: unknown = memberAfter ? JSON.parse(memberAfter) : null
  return { ...entry, at: new Date(row.at), before: null, after }
}

/**
 * A subject's timeline: its audit entries, oldest first, as people read them. Given when the
 * subject was created, its creation is found among the batched entries too.
 */
export function timelineOf(
  db: Queryable,
  subjectType: string,
  subjectId: number,
  reader: Reader,
  createdAt?: Date,
) {
  const own = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      actorId: auditEvents.actorId,
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
  const reading = readingFor(db, reader, entries)
  return entries.map((e) => ({
    id: e.id,
    action: e.action,
    at: e.at.toISOString(),
    when: formatDateTime(e.at, reader.timeZone),
    sentence: auditSentence(
      { ...e, subjectType, subjectId: String(subjectId), subjectName: null },
      reading,
    ),
  }))
}

const AUDIT_PAGE_SIZE = 50

const subjectUser = alias(users, 'subject_user')
const subjectReason = alias(reasons, 'subject_reason')
const subjectIdAsNumber = sql`CAST(${auditEvents.subjectId} AS INTEGER)`

/**
 * One page of the whole trail, newest first, in sentences as the reader reads them, each with
 * its subject (named when it is a user or a reason, with its page) and its fields in words.
 */
export function listAuditEvents(db: DB, page: number, reader: Reader) {
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
      actorId: auditEvents.actorId,
      actorName: users.name,
      subjectName: sql<string | null>`coalesce(${subjectUser.name}, ${subjectReason.label})`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(
      subjectUser,
      and(eq(auditEvents.subjectType, 'user'), eq(subjectUser.id, subjectIdAsNumber)),
    )
    .leftJoin(
      subjectReason,
      and(eq(auditEvents.subjectType, 'reason'), eq(subjectReason.id, subjectIdAsNumber)),
    )
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(auditEvents).get()?.n ?? 0
  const reading = readingFor(db, reader, rows)
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    when: formatDateTime(r.at, reader.timeZone),
    sentence: auditSentence(r satisfies AuditFacts, reading),
    subject: subjectLabel(r.subjectType, r.subjectId, r.subjectName),
    subjectPath: subjectPath(r.subjectType, r.subjectId),
    details: describeChanges(r.before, r.after, reading),
  }))
  return { entries, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) }
}
