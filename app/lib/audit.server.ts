import { createHash } from 'node:crypto'
import { and, asc, count, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { DB, Queryable } from '~db/connection'
import { auditEvents, users } from '~db/schema'
import { actionLabel, describeChanges } from './audit-format'
import { formatDateTime } from './time'

export type AuditEntry = {
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string | number
  before?: unknown
  after?: unknown
}

/** An entry as stored: its JSON columns as the exact text written, which is what is hashed. */
type Content = {
  at: number
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string
  before: string | null
  after: string | null
}

const textOf = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value)

/**
 * SHA-256 of the previous entry's hash and this entry's content. The content is a JSON array
 * of the columns, the JSON columns as their stored text: no re-parsing, so no two stored
 * texts hash alike.
 */
export function chainHash(previous: string, entry: Content): string {
  const content = JSON.stringify([
    entry.at,
    entry.actorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.before,
    entry.after,
  ])
  return createHash('sha256').update(`${previous}\n${content}`).digest('hex')
}

const GENESIS = ''

function lastHash(db: Queryable): string {
  return (
    db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.hash))
      .orderBy(desc(auditEvents.id))
      .limit(1)
      .get()?.hash ?? GENESIS
  )
}

/**
 * Appends one entry to the audit trail, chained to the one before. Call it inside the
 * (immediate) transaction of the change, so entries are chained in the order they commit.
 */
export function recordAudit(db: Queryable, entry: AuditEntry, now: Date) {
  const content: Content = {
    at: now.getTime(),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    before: textOf(entry.before),
    after: textOf(entry.after),
  }
  const hash = chainHash(lastHash(db), content)
  db.run(
    sql`INSERT INTO ${auditEvents} (at, actor_id, action, subject_type, subject_id, before, after, hash)
        VALUES (${content.at}, ${content.actorId}, ${content.action}, ${content.subjectType},
                ${content.subjectId}, ${content.before}, ${content.after}, ${hash})`,
  )
}

type StoredEntry = Content & { id: number; hash: string | null }

function entries(db: DB, fromId = 0) {
  return db.$client
    .prepare(
      'SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId, before, after, hash FROM audit_events WHERE id >= ? ORDER BY id',
    )
    .iterate(fromId) as IterableIterator<StoredEntry>
}

/**
 * Chains the entries written before the chain existed: the run of entries without a hash at
 * the start of the trail, once, in order. An entry without a hash after a hashed one is never
 * sealed (it was slipped in later); verification reports it.
 */
export function sealAuditTrail(db: DB): number {
  return db.transaction(
    () => {
      const sqlite = db.$client
      const unsealed = sqlite
        .prepare('SELECT min(id) AS id FROM audit_events WHERE hash IS NULL')
        .get() as { id: number | null }
      if (unsealed.id === null) return 0
      const firstSealed = sqlite
        .prepare('SELECT min(id) AS id FROM audit_events WHERE hash IS NOT NULL')
        .get() as { id: number | null }
      if (firstSealed.id !== null && firstSealed.id < unsealed.id) return 0
      const update = sqlite.prepare('UPDATE audit_events SET hash = ? WHERE id = ?')
      const pending: [string, number][] = []
      let previous = GENESIS
      for (const row of entries(db)) {
        if (row.hash !== null) break
        previous = chainHash(previous, row)
        pending.push([previous, row.id])
      }
      for (const [hash, id] of pending) update.run(hash, id)
      return pending.length
    },
    { behavior: 'immediate' },
  )
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string }

/** Walks the whole chain and reports the first entry whose hash does not follow. */
export function verifyAuditTrail(db: DB): ChainCheck {
  let previous = GENESIS
  let count = 0
  for (const row of entries(db)) {
    count++
    if (row.hash === null)
      return { ok: false, entries: count, brokenAt: row.id, reason: 'the entry has no hash' }
    if (chainHash(previous, row) !== row.hash)
      return {
        ok: false,
        entries: count,
        brokenAt: row.id,
        reason:
          'its content or the entry before it was changed, removed or inserted after it was written',
      }
    previous = row.hash
  }
  return { ok: true, entries: count }
}

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
