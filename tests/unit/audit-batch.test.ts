import { describe, expect, it } from 'vitest'
import { timelineOf } from '~/domain/audit/trail.server'
import {
  type AuditEntry,
  auditTrail,
  batchingSink,
  chainHash,
  membersOf,
  recordAudit,
  verifyAuditTrail,
} from '~/platform/audit.server'
import { memoryDb } from '../support/memory-db'

const AT = new Date('2026-11-20T10:00:00Z')
const LATER = new Date('2026-11-20T10:00:01Z')

const created = (id: number, company: string): AuditEntry => ({
  actorId: null,
  action: 'lead.created',
  subjectType: 'lead',
  subjectId: id,
  after: { company, ownerId: 3 },
})
const isCreation = (entry: AuditEntry) => entry.action === 'lead.created'

type Row = {
  id: number
  at: number
  actorId: number | null
  action: string
  subjectType: string
  subjectId: string
  before: string | null
  after: string | null
  hash: string
}
const rows = (db: ReturnType<typeof memoryDb>) =>
  db.$client
    .prepare(
      'SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId, before, after, hash FROM audit_events ORDER BY id',
    )
    .all() as Row[]

/** Three leads created in one transaction, then one updated: through a batching sink. */
function batchOfThree() {
  const db = memoryDb()
  recordAudit(
    db,
    { actorId: null, action: 'import.started', subjectType: 'import', subjectId: 1 },
    AT,
  )
  const sink = batchingSink(auditTrail(db), isCreation)
  sink.append(created(101, 'Acme'), AT)
  sink.append(created(102, 'Globex'), AT)
  sink.append(created(103, 'Initech'), AT)
  sink.append(
    {
      actorId: null,
      action: 'lead.updated',
      subjectType: 'lead',
      subjectId: 7,
      before: { title: 'Analyst' },
      after: { title: 'CTO' },
    },
    AT,
  )
  sink.flush()
  return db
}

// What someone with the database file could do: the triggers go first.
const dropGuards = (db: ReturnType<typeof memoryDb>) =>
  db.$client.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;')

describe('a batched audit entry', () => {
  it('lists the three leads of a batch in one entry, before the entry that followed them, and verifies', () => {
    const db = batchOfThree()
    const trail = rows(db)
    expect(trail.map((r) => [r.action, r.subjectType, r.subjectId])).toEqual([
      ['import.started', 'import', '1'],
      ['lead.created', 'batch:lead', String(AT.getTime())],
      ['lead.updated', 'lead', '7'],
    ])
    const batch = trail[1] as Row
    const members = membersOf(batch)
    expect(members.map((m) => m.id)).toEqual(['101', '102', '103'])
    expect(members[0]?.after).toBe('{"company":"Acme","ownerId":3}')
    // Each member's hash is the hash its own entry would have had at the start of a chain.
    expect(members[0]?.hash).toBe(
      chainHash('', {
        at: AT.getTime(),
        actorId: null,
        action: 'lead.created',
        subjectType: 'lead',
        subjectId: '101',
        before: null,
        after: '{"company":"Acme","ownerId":3}',
      }),
    )
    expect(verifyAuditTrail(db)).toEqual({ ok: true, entries: 3, members: 3 })
  })

  it('fails verification when one lead’s creation is changed', () => {
    const db = batchOfThree()
    dropGuards(db)
    const batch = rows(db)[1] as Row
    db.$client
      .prepare('UPDATE audit_events SET after = ? WHERE id = ?')
      .run((batch.after as string).replace('Globex', 'Umbrella'), batch.id)
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, brokenAt: batch.id, entries: 2 })
  })

  it('fails verification when a member no longer matches its hash, even with the chain rewritten', () => {
    const db = batchOfThree()
    dropGuards(db)
    const [first, batch, last] = rows(db) as [Row, Row, Row]
    const after = (batch.after as string).replace('Globex', 'Umbrella')
    // The chain's hashes recomputed over the forged content, the member's own hash left.
    const forged = chainHash(first.hash, { ...batch, after })
    db.$client
      .prepare('UPDATE audit_events SET after = ?, hash = ? WHERE id = ?')
      .run(after, forged, batch.id)
    db.$client
      .prepare('UPDATE audit_events SET hash = ? WHERE id = ?')
      .run(chainHash(forged, last), last.id)
    expect(verifyAuditTrail(db)).toEqual({
      ok: false,
      entries: 2,
      brokenAt: batch.id,
      reason: 'the content listed for lead 102 does not match its hash',
    })
  })

  it('writes a run of one as the entry itself, and starts a new batch at a new instant', () => {
    const db = memoryDb()
    const sink = batchingSink(auditTrail(db), isCreation)
    sink.append(created(1, 'Acme'), AT)
    sink.append(created(2, 'Globex'), LATER)
    sink.append(created(3, 'Initech'), LATER)
    sink.flush()
    expect(rows(db).map((r) => [r.subjectType, r.subjectId])).toEqual([
      ['lead', '1'],
      ['batch:lead', String(LATER.getTime())],
    ])
    expect(verifyAuditTrail(db)).toEqual({ ok: true, entries: 2, members: 2 })
  })

  it('shows a batched lead its creation on its timeline, found by its creation instant', () => {
    const db = batchOfThree()
    const reader = { readerId: null, timeZone: 'Europe/London' }
    const timeline = timelineOf(db, 'lead', 102, reader, AT)
    expect(timeline).toEqual([
      {
        id: 2,
        action: 'lead.created',
        at: AT.toISOString(),
        when: expect.any(String),
        // What the lead's own entry would have held (its rep, user 3: no such user here).
        sentence: 'The lead was handed to user 3',
      },
    ])
    // Not listed in that batch: no creation found there.
    expect(timelineOf(db, 'lead', 104, reader, AT)).toEqual([])
  })
})
