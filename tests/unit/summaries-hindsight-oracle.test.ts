// The `hindsight` family's oracle (decision 34): over a randomised world, every figure of the
// hindsight report and its CSV read from the summaries equals the raw path's, for many random
// queries; a rebuild from zero gives the triggers' table; a new time zone, rebuilt, gives the
// raw figures in that zone; the triggers move a case to its lead's LATEST outcome.
import { describe, expect, it } from 'vitest'
import {
  hindsightCsvRows,
  hindsightFromSummaries,
  hindsightRaw,
  hindsightReport,
} from '~/domain/reports/hindsight.server'
import { ReportQuerySchema } from '~/domain/reports/query'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import {
  HINDSIGHT_TABLES,
  hindsightFamily,
  hindsightSummariesAnswer,
} from '~/domain/summaries/hindsight.server'
import {
  prepareSummaries,
  rebuildStep,
  resetFamily,
  resetSummaries,
  summariesComplete,
} from '~/domain/summaries/state.server'
import { memoryDb } from '../support/memory-db'
import { prng, randomQuery, summaryWorldDb, tablesOf, ZONE } from '../support/summaries-world'

const world = (seed: number) => summaryWorldDb(hindsightFamily, seed)

// A few thousand rows and a hundred reports each: seconds, more on a busy machine.
describe('hindsight from the summaries', { timeout: 180_000 }, () => {
  it('gives every figure and CSV row of the raw path, for random queries', () => {
    const db = world(28)
    const r = prng(17)
    let compared = 0
    let known = 0
    for (let k = 0; k < 150; k++) {
      const { query, range } = randomQuery(r)
      if (!hindsightSummariesAnswer(query)) continue // two filters: read raw
      const raw = hindsightRaw(db, query, range, ZONE)
      const summaries = hindsightFromSummaries(db, query, range, ZONE)
      expect(summaries, JSON.stringify({ query, range })).toEqual(raw)
      expect(hindsightCsvRows(summaries)).toEqual(hindsightCsvRows(raw))
      compared++
      if (raw.total.known > 0) known++
    }
    expect(compared).toBeGreaterThan(70)
    expect(known).toBeGreaterThan(30)
  })

  it('reads the summaries when complete and the raw rows while they are rebuilt, the same', () => {
    const db = world(29)
    const r = prng(18)
    for (let k = 0; k < 20; k++) {
      const { query, range } = randomQuery(r)
      db.$client.exec(
        "UPDATE summary_progress SET upto = 9007199254740991 WHERE family = 'hindsight'",
      )
      const complete = hindsightReport(db, query, range, ZONE)
      db.$client.exec("UPDATE summary_progress SET upto = 0 WHERE family = 'hindsight'")
      expect(summariesComplete(db, hindsightFamily, ZONE)).toBe(false)
      expect(hindsightReport(db, query, range, ZONE)).toEqual(complete)
    }
  })

  it('rebuilt from zero in chunks, holds what the triggers kept', () => {
    const db = world(30)
    const kept = tablesOf(db, HINDSIGHT_TABLES)
    expect(kept.summary_hindsight_cells?.length).toBeGreaterThan(1000)
    db.transaction((tx) => resetFamily(tx, hindsightFamily))
    expect(tablesOf(db, HINDSIGHT_TABLES).summary_hindsight_cells).toEqual([])
    while (rebuildStep(db, [hindsightFamily], 97).more);
    expect(summariesComplete(db, hindsightFamily, ZONE)).toBe(true)
    expect(tablesOf(db, HINDSIGHT_TABLES)).toEqual(kept)
  })

  it('after a change of time zone and a rebuild, gives the raw figures in the new zone', () => {
    const db = world(31)
    const zone = 'Europe/Berlin'
    db.transaction((tx) => resetSummaries(tx, SUMMARY_FAMILIES, zone))
    expect(summariesComplete(db, hindsightFamily, zone)).toBe(false)
    while (rebuildStep(db, SUMMARY_FAMILIES, 500).more);
    const r = prng(19)
    for (let k = 0; k < 30; k++) {
      const { query, range } = randomQuery(r)
      if (!hindsightSummariesAnswer(query)) continue
      expect(hindsightFromSummaries(db, query, range, zone)).toEqual(
        hindsightRaw(db, query, range, zone),
      )
    }
  })

  it("moves a lead's cases to its latest outcome, and back when that outcome goes", () => {
    const db = memoryDb()
    prepareSummaries(db, SUMMARY_FAMILIES, ZONE)
    const sqlite = db.$client
    sqlite.pragma('foreign_keys = OFF')
    sqlite
      .prepare(`INSERT INTO leads (email, owner_id, handed_over_at, created_at, updated_at)
        VALUES ('a@x.test', 2, ?, 0, 0)`)
      .run(Date.UTC(2026, 0, 15, 17))
    // Two rejections of the lead in January 2026 (New York), one upheld.
    const reject = sqlite.prepare(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by,
      rep_id, lead_snapshot, opened_at, review_due_at, verdict)
      VALUES (1, 'rejected', ?, 3, 2, 2, '{}', ?, 0, ?)`)
    reject.run('decided', Date.UTC(2026, 0, 16, 17), 'does_not_meet')
    reject.run('in_review', Date.UTC(2026, 0, 20, 17), null)
    const record = sqlite.prepare(`INSERT INTO outcomes (lead_id, outcome, occurred_on,
      recorded_at) VALUES (1, ?, ?, 0)`)
    const outcomes = () =>
      sqlite
        .prepare(`SELECT outcome, verdict, n FROM summary_hindsight_cells
          WHERE grain = 'm' AND dim = 'all' AND n <> 0 ORDER BY outcome, verdict`)
        .all()
    const january = { from: '2026-01-01', to: '2026-01-31' }
    const report = () => hindsightReport(db, ReportQuerySchema.parse({}), january, ZONE).total
    expect(outcomes()).toEqual([
      { outcome: '', verdict: '', n: 1 },
      { outcome: '', verdict: 'does_not_meet', n: 1 },
    ])
    const won = Number(record.run('won', '2026-03-01').lastInsertRowid)
    expect(outcomes()).toEqual([
      { outcome: 'won', verdict: '', n: 1 },
      { outcome: 'won', verdict: 'does_not_meet', n: 1 },
    ])
    // An outcome dated earlier is not the latest: nothing moves.
    record.run('not_a_fit', '2026-02-01')
    expect(outcomes()).toEqual([
      { outcome: 'won', verdict: '', n: 1 },
      { outcome: 'won', verdict: 'does_not_meet', n: 1 },
    ])
    expect(report()).toMatchObject({
      rejected: 2,
      known: 2,
      realBuyers: 2,
      verdictsKnown: 1,
      verdictsRight: 0,
    })
    // The same date, recorded later: the latest now.
    const later = Number(record.run('no_plans', '2026-03-01').lastInsertRowid)
    expect(outcomes()).toEqual([
      { outcome: 'no_plans', verdict: '', n: 1 },
      { outcome: 'no_plans', verdict: 'does_not_meet', n: 1 },
    ])
    expect(report()).toMatchObject({ known: 2, notBuyers: 2, verdictsKnown: 1, verdictsRight: 1 })
    // Deleted, the one before it is the latest again; the earlier one's date moved past both.
    sqlite.prepare('DELETE FROM outcomes WHERE id = ?').run(later)
    expect(outcomes()).toEqual([
      { outcome: 'won', verdict: '', n: 1 },
      { outcome: 'won', verdict: 'does_not_meet', n: 1 },
    ])
    sqlite
      .prepare("UPDATE outcomes SET occurred_on = '2026-04-01' WHERE outcome = 'not_a_fit'")
      .run()
    expect(outcomes()).toEqual([
      { outcome: 'not_a_fit', verdict: '', n: 1 },
      { outcome: 'not_a_fit', verdict: 'does_not_meet', n: 1 },
    ])
    // A verdict on the open case moves it too; deleting every outcome leaves none known.
    sqlite.prepare("UPDATE cases SET status = 'decided', verdict = 'meets' WHERE id = 2").run()
    sqlite.prepare('DELETE FROM outcomes WHERE lead_id = 1').run()
    expect(outcomes()).toEqual([
      { outcome: '', verdict: 'does_not_meet', n: 1 },
      { outcome: '', verdict: 'meets', n: 1 },
    ])
    expect(won).toBeGreaterThan(0)
    expect(report()).toMatchObject({ rejected: 2, known: 0 })
  })
})
