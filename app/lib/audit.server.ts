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

type Content = {
  at: Date
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string
  before: unknown
  after: unknown
}

/** A value as the JSON column will give it back (Dates become strings, undefined goes). */
const asStored = (value: unknown) =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value))

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value ?? null)
}

/** SHA-256 of the previous entry's hash and this entry's canonical content. */
export function chainHash(previous: string, entry: Content): string {
  const content = canonical([
    entry.at.getTime(),
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
    at: now,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    before: asStored(entry.before),
    after: asStored(entry.after),
  }
  db.insert(auditEvents)
    .values({ ...content, hash: chainHash(lastHash(db), content) })
    .run()
}

type StoredEntry = Content & { id: number; hash: string | null }

function entries(db: DB) {
  return db.$client
    .prepare(
      'SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId, before, after, hash FROM audit_events ORDER BY id',
    )
    .iterate() as IterableIterator<
    Omit<StoredEntry, 'at' | 'before' | 'after'> & {
      at: number
      before: string | null
      after: string | null
    }
  >
}

const parsed = (row: ReturnType<typeof entries> extends IterableIterator<infer R> ? R : never) => ({
  ...row,
  at: new Date(row.at),
  before: row.before === null ? null : JSON.parse(row.before),
  after: row.after === null ? null : JSON.parse(row.after),
})

/** Chains entries written before the chain existed (once, at start-up, in order). */
export function sealAuditTrail(db: DB): number {
  return db.transaction(
    (tx) => {
      let previous = GENESIS
      let sealed = 0
      const update = db.$client.prepare('UPDATE audit_events SET hash = ? WHERE id = ?')
      const pending: [string, number][] = []
      for (const row of entries(db)) {
        if (row.hash !== null) {
          previous = row.hash
          continue
        }
        previous = chainHash(previous, parsed(row))
        pending.push([previous, row.id])
      }
      for (const [hash, id] of pending) {
        update.run(hash, id)
        sealed++
      }
      void tx
      return sealed
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
    const expected = chainHash(previous, parsed(row))
    if (expected !== row.hash)
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
