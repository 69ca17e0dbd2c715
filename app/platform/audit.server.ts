import { hash } from 'node:crypto'
import { type DB, preparedStatement, type Queryable } from '~db/connection'

export type AuditEntry = {
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string | number
  before?: unknown
  after?: unknown
}

/** An entry as stored: its JSON columns as the exact text written, which is what is hashed. */
export type AuditContent = {
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
export function chainHash(previous: string, entry: AuditContent): string {
  const content = JSON.stringify([
    entry.at,
    entry.actorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.before,
    entry.after,
  ])
  return hash('sha256', `${previous}\n${content}`, 'hex')
}

const GENESIS = ''

const LAST_HASH = 'SELECT hash FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1'
const APPEND = `INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, before, after, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * Appends entries to the trail, each chained to the one before. The last hash is read once, when
 * the trail is opened, and carried from entry to entry: open it inside the (immediate)
 * transaction of the change, which holds the write lock, and append every entry of that
 * transaction through it, so that no entry is written in between.
 */
export function auditTrail(db: Queryable): AuditSink {
  const last = preparedStatement(db, LAST_HASH).get() as { hash: string } | undefined
  let previous = last?.hash ?? GENESIS
  const insert = preparedStatement(db, APPEND)
  return {
    append(entry: AuditEntry, now: Date) {
      const content: AuditContent = {
        at: now.getTime(),
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: String(entry.subjectId),
        before: textOf(entry.before),
        after: textOf(entry.after),
      }
      const chained = chainHash(previous, content)
      insert.run(
        content.at,
        content.actorId,
        content.action,
        content.subjectType,
        content.subjectId,
        content.before,
        content.after,
        chained,
      )
      previous = chained
    },
  }
}

/** Where entries go: the trail, or a sink in front of it (a row's, a batch's, a generator's). */
export type AuditSink = { append(entry: AuditEntry, now: Date): void }

/**
 * A batched entry's subject type: `batch:` and the type of the subjects it lists (`batch:lead`).
 * Its subject id is the instant its subjects were created (ms), which is how the timeline of one
 * of them finds it; its `after` lists the members.
 */
export const BATCH_PREFIX = 'batch:'

/**
 * One subject of a batched entry: its id, the content its own entry would have held (`after`,
 * as the exact text), and that content's hash: the hash its own entry would have had at the
 * start of a chain, so each member can be checked alone.
 */
export type BatchMember = { id: string; after: string | null; hash: string }

/** The entry a member of a batch stands for, as if written on its own. */
export function memberEntry(
  batch: Pick<AuditContent, 'at' | 'actorId' | 'action' | 'subjectType'>,
  member: Pick<BatchMember, 'id' | 'after'>,
): AuditContent {
  return {
    at: batch.at,
    actorId: batch.actorId,
    action: batch.action,
    subjectType: batch.subjectType.slice(BATCH_PREFIX.length),
    subjectId: member.id,
    before: null,
    after: member.after,
  }
}

/** The members a batched entry lists (none for another entry). */
export function membersOf(entry: Pick<AuditContent, 'subjectType' | 'after'>): BatchMember[] {
  if (!entry.subjectType.startsWith(BATCH_PREFIX) || entry.after === null) return []
  const listed = (JSON.parse(entry.after) as { members?: BatchMember[] }).members
  return Array.isArray(listed) ? listed : []
}

type Held = { entry: AuditEntry; now: Date }

/**
 * A sink that writes a run of entries alike (same action, subject type, actor and instant, each
 * without a `before`: a creation) as one chained entry listing them, with each member's content
 * hash: one entry per transaction for an import's new leads instead of one per lead. Entries of
 * the kinds `batchable` names are held; any other entry first writes what is held, so the
 * trail keeps the order things happened in. A run of one is written as the entry itself. Call
 * `flush` before the transaction commits.
 */
export function batchingSink(trail: AuditSink, batchable: (entry: AuditEntry) => boolean) {
  let held: Held[] = []
  const alike = (a: Held, b: Held) =>
    a.entry.action === b.entry.action &&
    a.entry.subjectType === b.entry.subjectType &&
    a.entry.actorId === b.entry.actorId &&
    a.now.getTime() === b.now.getTime()
  function flush() {
    const [first] = held
    if (!first) return
    if (held.length === 1) trail.append(first.entry, first.now)
    else {
      const at = first.now.getTime()
      const { action, actorId, subjectType } = first.entry
      const members = held.map(({ entry }): BatchMember => {
        const member = { id: String(entry.subjectId), after: textOf(entry.after) }
        const content = memberEntry(
          { at, actorId, action, subjectType: BATCH_PREFIX + subjectType },
          member,
        )
        return { ...member, hash: chainHash(GENESIS, content) }
      })
      trail.append(
        {
          actorId,
          action,
          subjectType: BATCH_PREFIX + subjectType,
          subjectId: String(at),
          after: { members },
        },
        first.now,
      )
    }
    held = []
  }
  return {
    append(entry: AuditEntry, now: Date) {
      const next = { entry, now }
      if (entry.before === undefined && batchable(entry)) {
        if (held[0] && !alike(held[0], next)) flush()
        held.push(next)
        return
      }
      flush()
      trail.append(entry, now)
    },
    flush,
  }
}

/**
 * Appends one entry to the audit trail, chained to the one before. Call it inside the
 * (immediate) transaction of the change, so entries are chained in the order they commit.
 */
export function recordAudit(db: Queryable, entry: AuditEntry, now: Date) {
  auditTrail(db).append(entry, now)
}

type StoredEntry = AuditContent & { id: number; hash: string | null }

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
  // The common case, answered by one row and without the write lock: the trail starts sealed,
  // so nothing before the chain is left (finding the first unsealed entry reads the whole
  // trail; a sealed entry never loses its hash).
  const first = db.$client.prepare('SELECT hash FROM audit_events ORDER BY id LIMIT 1').get() as
    | { hash: string | null }
    | undefined
  if (!first || first.hash !== null) return 0
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

type ChainCheck =
  | { ok: true; entries: number; members: number }
  | { ok: false; entries: number; brokenAt: number; reason: string }

/** How many members a batched entry lists, or why one of them does not match its hash. */
function checkMembers(row: AuditContent): number | string {
  let members: BatchMember[]
  try {
    members = membersOf(row)
  } catch {
    return 'its list of members is not JSON'
  }
  if (members.length === 0) return 'it lists no members'
  for (const member of members)
    if (chainHash(GENESIS, memberEntry(row, member)) !== member.hash)
      return `the content listed for ${row.subjectType.slice(BATCH_PREFIX.length)} ${member.id} does not match its hash`
  return members.length
}

/**
 * Walks the whole chain and reports the first entry whose hash does not follow. A batched
 * entry (see `batchingSink`) is chained like any other, and each member it lists must match its
 * own content hash: every lead's creation is checked, alone or in a batch. `members` counts
 * the subjects listed by batched entries.
 */
export function verifyAuditTrail(db: DB): ChainCheck {
  let previous = GENESIS
  let count = 0
  let members = 0
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
    if (row.subjectType.startsWith(BATCH_PREFIX)) {
      const checked = checkMembers(row)
      if (typeof checked === 'string')
        return { ok: false, entries: count, brokenAt: row.id, reason: checked }
      members += checked
    }
    previous = row.hash
  }
  return { ok: true, entries: count, members }
}
