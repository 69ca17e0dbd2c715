import { describe, expect, it } from 'vitest'
import { chainHash, recordAudit, sealAuditTrail, verifyAuditTrail } from '~/platform/audit.server'
import { memoryDb } from '../support/memory-db'

const AT = new Date('2026-11-20T10:00:00Z')

function trail(n = 5) {
  const db = memoryDb()
  for (let i = 1; i <= n; i++)
    recordAudit(
      db,
      {
        actorId: null,
        action: 'lead.updated',
        subjectType: 'lead',
        subjectId: i,
        before: { title: 'Analyst', at: new Date(AT.getTime() - i) },
        after: { title: 'VP Sales', nested: { b: 1, a: [1, 'x'] } },
      },
      new Date(AT.getTime() + i * 1000),
    )
  return db
}

// What someone with the database file could do: the triggers go first.
const dropGuards = (db: ReturnType<typeof memoryDb>) =>
  db.$client.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;')

describe('the audit trail as a hash chain', () => {
  it('an untouched trail verifies', () => {
    expect(verifyAuditTrail(trail())).toEqual({ ok: true, entries: 5, members: 0 })
    expect(verifyAuditTrail(memoryDb())).toEqual({ ok: true, entries: 0, members: 0 })
  })

  it('each entry carries SHA-256 of the previous hash and its own content', () => {
    const db = trail(2)
    const rows = db.$client.prepare('SELECT hash FROM audit_events ORDER BY id').all() as {
      hash: string
    }[]
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true)
    expect(rows[0]?.hash).not.toBe(rows[1]?.hash)
  })

  it('the database refuses changes while its guards stand', () => {
    const db = trail()
    expect(() => db.$client.exec("UPDATE audit_events SET action = 'forged' WHERE id = 2")).toThrow(
      'append-only',
    )
    expect(() => db.$client.exec("UPDATE audit_events SET hash = 'x' WHERE id = 2")).toThrow(
      'append-only',
    )
  })

  it('an edited entry breaks the chain at that entry', () => {
    const db = trail()
    dropGuards(db)
    db.$client.exec(`UPDATE audit_events SET after = '{"title":"CEO"}' WHERE id = 3`)
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, brokenAt: 3, entries: 3 })
  })

  it('a forgery re-hashed to fit breaks the link to the next entry', () => {
    const db = trail()
    dropGuards(db)
    // The forger recomputes entry 3's hash to match its new content, but entry 4 still
    // chains to the old hash.
    const previous = db.$client.prepare('SELECT hash FROM audit_events WHERE id = 2').get() as {
      hash: string
    }
    const row = db.$client.prepare('SELECT * FROM audit_events WHERE id = 3').get() as {
      at: number
      subject_id: string
      before: string
      after: string
    }
    const forged = chainHash(previous.hash, {
      at: row.at,
      actorId: null,
      action: 'lead.forged',
      subjectType: 'lead',
      subjectId: row.subject_id,
      before: row.before,
      after: row.after,
    })
    db.$client
      .prepare("UPDATE audit_events SET action = 'lead.forged', hash = ? WHERE id = 3")
      .run(forged)
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, brokenAt: 4 })
  })

  it('a removed entry breaks the chain at the one after it', () => {
    const db = trail()
    dropGuards(db)
    db.$client.exec('DELETE FROM audit_events WHERE id = 2')
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, brokenAt: 3 })
  })

  it('entries written before the chain are sealed once, in order, and then verify', () => {
    const db = trail(3)
    // As after the migration: older entries without a hash.
    dropGuards(db)
    db.$client.exec('UPDATE audit_events SET hash = NULL')
    db.$client.exec(`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.action IS NOT OLD.action
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;`)
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, brokenAt: 1 })
    expect(sealAuditTrail(db)).toBe(3)
    expect(sealAuditTrail(db)).toBe(0)
    recordAudit(db, { actorId: null, action: 'x', subjectType: 'y', subjectId: 1 }, AT)
    expect(verifyAuditTrail(db)).toEqual({ ok: true, entries: 4, members: 0 })
  })
})

describe('entries slipped in', () => {
  it('an entry inserted without a hash is refused; one slipped in behind the guards is never sealed', () => {
    const db = trail(3)
    expect(() =>
      db.$client.exec(
        "INSERT INTO audit_events (at, action, subject_type, subject_id) VALUES (1, 'x', 'y', 'z')",
      ),
    ).toThrow('must carry their hash')
    db.$client.exec('DROP TRIGGER audit_events_hash_required')
    db.$client.exec(
      "INSERT INTO audit_events (at, action, subject_type, subject_id) VALUES (1, 'lead.forged', 'lead', '1')",
    )
    expect(sealAuditTrail(db)).toBe(0)
    expect(verifyAuditTrail(db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'the entry has no hash',
    })
  })
})
