// A batch counted into the summaries set-based (countedAsBatch, decision 36) against the per-row
// triggers: the same world written on two databases, then the same batch of writes (new leads,
// cases, clocks, outcomes, votes; changes to old and new rows; deletes) on each, one counted as
// a batch and one by the triggers. Every summary table must come out identical, while a family
// is being rebuilt too, and a batch that throws leaves neither rows nor counts behind.
import { describe, expect, it, vi } from 'vitest'
import { countedAsBatch } from '~/domain/summaries/batch.server'
import { CASES_FAMILY } from '~/domain/summaries/cases.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { sourcesFamily } from '~/domain/summaries/sources.server'
import {
  prepareSummaries,
  rebuildStep,
  resetFamily,
  SUMMARY_COMPLETE,
} from '~/domain/summaries/state.server'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'
import { buildSummaryWorld, everySummary, prng, ZONE } from '../support/summaries-world'

vi.setConfig({ testTimeout: 120_000 })

const HOUR = 3_600_000
const MEMBERS = [7, 8, 9]

/**
 * Votes on the committee's cases and decisions, as the app and scripts/seed-large.ts write
 * them: votes on cases in review then the case decided; a case inserted decided after its
 * votes; a vote withdrawn.
 */
function votesAndDecisions(db: DB, seed: number) {
  const r = prng(seed)
  const c = db.$client
  const vote = c.prepare(`INSERT INTO votes (case_id, member_id, seat, is_chair, verdict,
      findings, rationale, departures, cast_at, updated_at)
    VALUES (?, ?, 'sales', 0, ?, '{}', 'r', '[]', ?, ?)`)
  const decide = c.prepare(`UPDATE cases SET status = 'decided', verdict = ?, unanimous = ?,
      decided_at = opened_at + ?, review_working_ms = ?, departures = '["size"]' WHERE id = ?`)
  const open = c
    .prepare(`SELECT id, opened_at AS at FROM cases WHERE status = 'in_review'
      AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.case_id = cases.id) ORDER BY id`)
    .all() as { id: number; at: number }[]
  for (const { id, at } of open) {
    if (!r.chance(0.6)) continue
    const verdict = r.pick(['meets', 'does_not_meet'])
    for (const m of MEMBERS.filter(() => r.chance(0.8))) vote.run(id, m, verdict, at, at)
    if (r.chance(0.7)) decide.run(verdict, r.int(2), r.int(90) * HOUR, r.int(40 * HOUR), id)
  }
  const next = (c.prepare('SELECT max(id) + 1 AS id FROM cases').get() as { id: number }).id
  const lead = (c.prepare('SELECT max(id) AS id FROM leads').get() as { id: number }).id
  const at = Date.UTC(2026, 2, 8, 5) - 20 * 60_000
  for (const m of MEMBERS) vote.run(next, m, 'meets', at, at)
  c.prepare(`INSERT INTO cases (id, lead_id, kind, status, reason_id, filed_by, rep_id, source,
      campaign, opened_at, review_due_at, lead_snapshot, verdict, decided_at, review_working_ms,
      unanimous, departures, after_contact, reengaged, lead_moved_on)
    VALUES (?, ?, 'rejected', 'decided', 2, 2, 2, 'ads', 'fall', ?, ?, '{}', 'meets', ?, ?, 1,
      '["size"]', 0, 0, 0)`).run(next, lead, at, at + 48 * HOUR, at + 5 * HOUR, 5 * HOUR)
  c.prepare('DELETE FROM votes WHERE id % 11 = 0').run()
}

/** A database with a world counted by its triggers (every family complete, in New York). */
function world(): DB {
  const db = memoryDb()
  prepareSummaries(db, SUMMARY_FAMILIES, ZONE)
  buildSummaryWorld(db, 1, 600)
  votesAndDecisions(db, 2)
  return db
}

/** The batch: a second world's rows and later writes (old rows and new), then votes. */
function batch(db: DB) {
  buildSummaryWorld(db, 3, 250)
  votesAndDecisions(db, 4)
}

const progress = (db: DB) =>
  db.$client
    .prepare('SELECT family, source, upto FROM summary_progress ORDER BY family, source')
    .all() as { family: string; source: string; upto: number }[]

/** Counts what is left to count, a small step at a time, as the job does. */
function rebuildAll(db: DB) {
  while (rebuildStep(db, SUMMARY_FAMILIES, 300).more);
}

describe('a batch counted set-based', () => {
  it('leaves every summary table as the per-row triggers would', () => {
    const byTriggers = world()
    batch(byTriggers)
    const asBatch = world()
    const result = countedAsBatch(asBatch, () => {
      batch(asBatch)
      return 'written'
    })
    expect(result).toBe('written')
    const expected = everySummary(byTriggers)
    // Not a vacuous comparison: the batch added rows to every family's main table.
    expect(expected.summary_source_cells?.length).toBeGreaterThan(100)
    expect(expected.summary_case_votes?.length).toBeGreaterThan(10)
    expect(everySummary(asBatch)).toEqual(expected)
    expect(progress(asBatch).every((p) => p.upto === SUMMARY_COMPLETE)).toBe(true)
    expect(progress(asBatch)).toHaveLength(5)

    // And as a rebuild from zero counts them.
    for (const family of SUMMARY_FAMILIES) resetFamily(asBatch, family)
    rebuildAll(asBatch)
    expect(everySummary(asBatch)).toEqual(expected)
  })

  it('leaves a family being rebuilt to its rebuild, which then counts the batch once', () => {
    const byTriggers = world()
    batch(byTriggers)
    const asBatch = world()
    // `sources` and `cases` start again from the first row (a new family, a time-zone change):
    // their rebuild gets a little way, then the batch comes.
    resetFamily(asBatch, sourcesFamily)
    resetFamily(asBatch, CASES_FAMILY)
    rebuildStep(asBatch, [sourcesFamily], 300)
    rebuildStep(asBatch, [CASES_FAMILY], 300)
    const before = progress(asBatch)
    expect(before.filter((p) => p.upto !== SUMMARY_COMPLETE)).toEqual([
      { family: 'cases', source: 'cases', upto: 300 },
      { family: 'cases', source: 'votes', upto: 0 },
      { family: 'sources', source: 'leads', upto: 300 },
    ])
    countedAsBatch(asBatch, () => batch(asBatch))
    expect(progress(asBatch)).toEqual(before)
    rebuildAll(asBatch)
    expect(everySummary(asBatch)).toEqual(everySummary(byTriggers))
  })

  it('rolls back the rows and their counts together when the batch throws', () => {
    const db = world()
    const summaries = everySummary(db)
    const counted = progress(db)
    const leads = () =>
      (db.$client.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n
    const before = leads()
    expect(() =>
      db.transaction(
        (tx) =>
          countedAsBatch(tx, () => {
            batch(db)
            throw new Error('refused')
          }),
        { behavior: 'immediate' },
      ),
    ).toThrow('refused')
    expect(leads()).toBe(before)
    expect(progress(db)).toEqual(counted)
    expect(everySummary(db)).toEqual(summaries)
    // A batch that goes through afterwards is counted as usual.
    const byTriggers = world()
    batch(byTriggers)
    countedAsBatch(db, () => batch(db))
    expect(everySummary(db)).toEqual(everySummary(byTriggers))
  })
})
