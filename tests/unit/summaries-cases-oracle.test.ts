// The `cases` summary family against its oracle (decision 34): a few thousand cases and their
// votes, written as the app writes them (opened, then voted on, decided, conceded, taken up from
// imported history, moved to another rep, deleted) with a seeded PRNG and pinned instants around
// local midnight and the clock changes of America/New_York; then, for many random queries,
// every figure and CSV row of the reports the family serves, from the summaries, equals the
// same report from the raw rows (the summaries' progress set to 0). A rebuild from zero gives
// the triggers' tables, and a time-zone change and rebuild the raw figures in the new zone.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { accuracyCsvRows, accuracyReport } from '~/domain/reports/accuracy.server'
import { caseSlice } from '~/domain/reports/case-summaries.server'
import { ReportQuerySchema } from '~/domain/reports/query'
import { repScorecard, scorecardCsvRows } from '~/domain/reports/scorecard.server'
import { reviewReport } from '~/domain/reports/sla.server'
import { verdictCsvRows, verdictReport } from '~/domain/reports/verdicts.server'
import { CASES_FAMILY, casesTriggerSql } from '~/domain/summaries/cases.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import {
  rebuildStep,
  resetFamily,
  resetSummaries,
  SUMMARY_COMPLETE,
  summariesComplete,
} from '~/domain/summaries/state.server'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'
import { tablesOf } from '../support/summaries-world'

const ZONE = 'America/New_York'
const NOW = new Date('2026-11-28T12:00:00Z')
const HOUR = 3_600_000

/** Mulberry32: a small seeded PRNG, so every run builds the same world. */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const REPS = [1, 2, 3, 4, 5, 6]
const MEMBERS = [7, 8, 9]
const REASONS = [101, 102, 103, 104]
const SOURCES = ['webinar', 'ads', 'Zoë', null]
const CAMPAIGNS = ['spring', 'fall', 'b2b', null]
const CRITERIA = ['budget', 'size', '*']

/** Instants the cases open at: near local midnight, around the clock changes, and anywhere. */
function openedAt(random: () => number): number {
  const midnights = [
    Date.UTC(2026, 2, 8, 5), // 8 March, the spring change (midnight is still EST)
    Date.UTC(2026, 10, 1, 4), // 1 November, the autumn change (midnight is still EDT)
    Date.UTC(2026, 5, 1, 4),
    Date.UTC(2026, 0, 1, 5),
    Date.UTC(2025, 11, 29, 5), // a Monday
  ]
  const r = random()
  if (r < 0.4) {
    const midnight = midnights[Math.floor(random() * midnights.length)] as number
    return midnight + Math.floor((random() - 0.5) * 4 * HOUR)
  }
  return Date.UTC(2025, 10, 1) + Math.floor(random() * 390 * 24 * HOUR)
}

function buildWorld(db: DB, seed: number, count: number) {
  const random = prng(seed)
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T
  const c = db.$client
  c.pragma('foreign_keys = OFF')
  const user = c.prepare("INSERT INTO users (id, email, name, password_hash) VALUES (?, ?, ?, 'x')")
  for (const id of [...REPS, ...MEMBERS])
    user.run(id, `u${id}@example.com`, id === 6 ? 'Rep 1' : `${id <= 6 ? 'Rep' : 'Member'} ${id}`)
  for (const id of MEMBERS)
    c.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'committee')").run(id)
  for (const id of REASONS)
    c.prepare('INSERT INTO reasons (id, label, position, created_at) VALUES (?, ?, ?, 0)').run(
      id,
      `Oracle reason ${105 - id}`,
      id,
    )
  const insert = c.prepare(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by,
      rep_id, source, campaign, opened_at, review_due_at, after_contact, reengaged,
      lead_snapshot, verdict, decided_at, review_working_ms)
    VALUES (@lead, @kind, @status, @reason, @filedBy, @rep, @source, @campaign, @openedAt,
      @dueAt, @afterContact, @reengaged, '{}', @verdict, @decidedAt, @workingMs)`)
  const vote = c.prepare(`INSERT INTO votes (case_id, member_id, seat, is_chair, verdict,
      findings, rationale, departures, cast_at, updated_at)
    VALUES (?, ?, 'sales', 0, ?, '{}', 'r', '[]', ?, ?)`)
  const decide = c.prepare(`UPDATE cases SET status = 'decided', verdict = @verdict,
      disposition = @disposition, agrees_with_definition = @agree, unanimous = @unanimous,
      decided_by_chair = @byChair, decided_at = @decidedAt, review_working_ms = @workingMs,
      departures = @departures WHERE id = @id`)
  const concede = c.prepare(`UPDATE cases SET status = 'conceded', verdict = 'does_not_meet',
      decided_at = @decidedAt, review_working_ms = @workingMs WHERE id = @id`)
  for (let lead = 1; lead <= count; lead++) {
    const kind = random() < 0.8 ? 'rejected' : 'ignored'
    const opened = openedAt(random)
    const imported = kind === 'rejected' && random() < 0.1
    const { lastInsertRowid } = insert.run({
      lead,
      kind,
      status: imported ? 'imported' : 'in_review',
      reason: kind === 'rejected' ? pick(REASONS) : null,
      filedBy: kind === 'rejected' ? 1 : null,
      rep: pick(REPS),
      source: pick(SOURCES),
      campaign: pick(CAMPAIGNS),
      openedAt: opened,
      dueAt: opened + 48 * HOUR,
      afterContact: kind === 'rejected' && random() < 0.4 ? 1 : 0,
      reengaged: random() < 0.3 ? 1 : 0,
      verdict: null,
      decidedAt: null,
      workingMs: null,
    })
    const id = Number(lastInsertRowid)
    // Imported history: some taken up by the committee (their clock starts then).
    if (imported && random() < 0.5)
      c.prepare("UPDATE cases SET status = 'in_review', taken_up_at = ? WHERE id = ?").run(
        opened + HOUR,
        id,
      )
    const status = c.prepare('SELECT status FROM cases WHERE id = ?').get(id) as {
      status: string
    }
    if (status.status !== 'in_review') continue
    const fate = random()
    const decidedAt = opened + Math.floor(random() * 96 * HOUR)
    const workingMs = Math.floor(random() * 40 * HOUR)
    if (fate < 0.55) {
      const voters = MEMBERS.filter(() => random() < 0.8)
      const verdict = random() < 0.7 ? 'does_not_meet' : 'meets'
      // Some votes before the decision, some recorded after it (an import, a correction).
      const late = random() < 0.2
      if (!late) for (const m of voters) vote.run(id, m, verdict, decidedAt, decidedAt)
      decide.run({
        id,
        verdict,
        disposition: verdict === 'meets' ? null : pick(['disqualified', 'nurture', null]),
        agree: pick([0, 1, null]),
        unanimous: pick([0, 1, null]),
        byChair: pick([0, 1]),
        decidedAt,
        workingMs: random() < 0.95 ? workingMs : null,
        departures: JSON.stringify(CRITERIA.filter(() => random() < 0.25)),
      })
      if (late) for (const m of voters) vote.run(id, m, verdict, decidedAt, decidedAt)
    } else if (fate < 0.7) concede.run({ id, decidedAt, workingMs })
    else if (fate < 0.75) for (const m of MEMBERS) vote.run(id, m, 'meets', opened, opened)
    // The case goes to another rep, or its votes are withdrawn, or it is deleted.
    const change = random()
    if (change < 0.05) c.prepare('UPDATE cases SET rep_id = ? WHERE id = ?').run(pick(REPS), id)
    else if (change < 0.08)
      c.prepare('DELETE FROM votes WHERE case_id = ? AND member_id = 7').run(id)
    else if (change < 0.09) {
      c.prepare('DELETE FROM votes WHERE case_id = ?').run(id)
      c.prepare('DELETE FROM cases WHERE id = ?').run(id)
    } else if (change < 0.1)
      c.prepare('UPDATE cases SET review_reminded_at = 1 WHERE id = ?').run(id)
  }
}

/**
 * Decided cases as scripts/seed-large.ts writes them: the votes first (foreign keys off), then
 * the case, decided at once; and one such case deleted, its votes left behind.
 */
function seededCases(db: DB, seed: number, count: number) {
  const random = prng(seed)
  const c = db.$client
  for (let i = 0; i < count; i++) {
    const { id } = c.prepare('SELECT max(id) + 1 AS id FROM cases').get() as { id: number }
    const opened = openedAt(random)
    for (const m of MEMBERS)
      c.prepare(`INSERT INTO votes (case_id, member_id, seat, is_chair, verdict, findings,
          rationale, departures, cast_at, updated_at)
        VALUES (?, ?, 'sales', 0, 'meets', '{}', 'r', '[]', ?, ?)`).run(id, m, opened, opened)
    c.prepare(`INSERT INTO cases (id, lead_id, kind, status, reason_id, filed_by, rep_id, source,
        campaign, opened_at, review_due_at, lead_snapshot, verdict, decided_at, review_working_ms,
        unanimous, departures)
      VALUES (?, ?, 'rejected', 'decided', ?, 1, ?, 'ads', 'fall', ?, ?, '{}', 'meets', ?, ?, 1,
        '["size"]')`).run(
      id,
      100_000 + i,
      REASONS[i % REASONS.length],
      REPS[i % REPS.length],
      opened,
      opened + 48 * HOUR,
      opened + 5 * HOUR,
      5 * HOUR,
    )
    if (i === count - 1) c.prepare('DELETE FROM cases WHERE id = ?').run(id)
  }
}

/** Every report the family serves, with its CSV rows, for `query`. */
function figures(db: DB, asked: Record<string, unknown>, timeZone = ZONE) {
  const query = ReportQuerySchema.parse(asked)
  const range = { from: String(asked.from), to: String(asked.to) }
  const accuracy = accuracyReport(db, query, range, timeZone)
  const verdicts = verdictReport(db, query, range, timeZone)
  const scorecard = repScorecard(db, query, range, timeZone, NOW)
  return {
    accuracy,
    accuracyCsv: accuracyCsvRows(accuracy, query.by),
    verdicts,
    verdictsCsv: verdictCsvRows(verdicts),
    review: reviewReport(db, query, range, timeZone, NOW),
    scorecard,
    scorecardCsv: scorecardCsvRows(scorecard),
  }
}

const setProgress = (db: DB, upto: number) =>
  db.$client.prepare("UPDATE summary_progress SET upto = ? WHERE family = 'cases'").run(upto)

/** A random query: a range, a period, a breakdown and some filters. */
function randomQuery(random: () => number) {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T
  const start = Date.UTC(2025, 10, 1) + Math.floor(random() * 300) * 86_400_000
  const end = start + Math.floor(random() * 200) * 86_400_000
  const asked: Record<string, unknown> = {
    from: new Date(start).toISOString().slice(0, 10),
    to: new Date(end).toISOString().slice(0, 10),
    period: pick(['week', 'month', 'quarter']),
    by: pick(['rep', 'reason', 'source', 'campaign']),
    history: pick(['shown', 'hidden']),
  }
  // Usually at most one of rep, reason, source and campaign (the summaries answer those).
  const filters = Math.floor(random() * random() * 3)
  for (let i = 0; i < filters; i++) {
    const filter = pick(['repId', 'reasonId', 'source', 'campaign'])
    asked[filter] =
      filter === 'repId'
        ? pick(REPS)
        : filter === 'reasonId'
          ? pick(REASONS)
          : pick((filter === 'source' ? SOURCES : CAMPAIGNS).filter((v) => v !== null))
  }
  if (random() < 0.2)
    asked.by = pick(
      ['repId', 'reasonId', 'source', 'campaign']
        .filter((f) => asked[f] !== undefined)
        .map((f) => (f === 'repId' ? 'rep' : f === 'reasonId' ? 'reason' : f))
        .concat([String(asked.by)]),
    )
  if (random() < 0.3) asked.stage = pick(['before_contact', 'after_contact', 'ignored'])
  if (random() < 0.3) asked.handOver = pick(['net_new', 're_engaged'])
  return asked
}

const tables = (db: DB) => tablesOf(db, CASES_FAMILY.tables)

// Thousands of rows and a hundred reports, each twice: more than the default 5 s on a busy machine.
describe('the cases summaries against the raw rows', { timeout: 120_000 }, () => {
  const db = memoryDb()
  resetSummaries(db, SUMMARY_FAMILIES, ZONE)
  buildWorld(db, 18, 2500)
  seededCases(db, 19, 100)

  it('keeps the summaries complete through every write', () => {
    expect(summariesComplete(db, CASES_FAMILY, ZONE)).toBe(true)
    const counts = db.$client
      .prepare("SELECT sum(n) AS n FROM summary_case_counts WHERE dim = 'all' AND g = 'm'")
      .get() as { n: number }
    const cases = db.$client.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }
    expect(counts.n).toBe(cases.n)
    expect(cases.n).toBeGreaterThan(2400)
  })

  it('gives every figure of every report and CSV as the raw rows do', () => {
    const random = prng(34)
    let summarised = 0
    for (let i = 0; i < 80; i++) {
      const asked = randomQuery(random)
      const query = ReportQuerySchema.parse(asked)
      if (caseSlice(query, query.by) || caseSlice(query)) summarised++
      const fromSummaries = figures(db, asked)
      setProgress(db, 0)
      const fromRows = figures(db, asked)
      setProgress(db, SUMMARY_COMPLETE)
      expect(fromSummaries, JSON.stringify(asked)).toEqual(fromRows)
    }
    // Most queries are the summaries' to answer, and their figures are not all empty.
    expect(summarised).toBeGreaterThan(50)
    const year = figures(db, { from: '2025-11-01', to: '2026-11-27', period: 'month' })
    expect(year.accuracy.total.opened).toBeGreaterThan(1500)
    expect(year.verdicts.total.decided).toBeGreaterThan(800)
    expect(year.verdicts.departures.length).toBe(3)
    expect(year.verdicts.participation.every((m) => m.votes > 0)).toBe(true)
    expect(year.review.some((row) => row.p90Ms !== null)).toBe(true)
  })

  it('gives the scorecard’s rulings per rep as the raw rows do (one range of units per rep)', () => {
    const asked = [
      { from: '2025-11-01', to: '2026-11-27', period: 'month' },
      { from: '2025-12-10', to: '2026-10-02', period: 'quarter', stage: 'after_contact' },
      { from: '2026-01-07', to: '2026-06-30', period: 'week', repId: REPS[1], history: 'hidden' },
    ]
    const scorecards = asked.map((a) => {
      const fromSummaries = figures(db, a)
      setProgress(db, 0)
      const fromRows = figures(db, a)
      setProgress(db, SUMMARY_COMPLETE)
      expect(fromSummaries.scorecard, JSON.stringify(a)).toEqual(fromRows.scorecard)
      return fromSummaries.scorecard
    })
    // Accuracy and rejections after contact for every rep over the year, and not all alike.
    const [year, afterContact, oneRep] = scorecards
    expect(year?.filter((r) => r.accuracy !== null && r.rejectedAfterContact > 0)).toHaveLength(
      REPS.length,
    )
    expect(new Set(year?.map((r) => r.accuracy)).size).toBeGreaterThan(1)
    expect(afterContact?.some((r) => r.rejectedAfterContact > 0)).toBe(true)
    expect(oneRep?.map((r) => r.repId)).toEqual([REPS[1]])
  })

  it('rebuilds from zero the tables the triggers keep', () => {
    const kept = tables(db)
    resetFamily(db, CASES_FAMILY)
    expect(summariesComplete(db, CASES_FAMILY, ZONE)).toBe(false)
    while (rebuildStep(db, SUMMARY_FAMILIES, 500).more) {}
    expect(summariesComplete(db, CASES_FAMILY, ZONE)).toBe(true)
    expect(tables(db)).toEqual(kept)
  })

  it('after a time-zone change and a rebuild, gives the raw figures in the new zone', () => {
    resetSummaries(db, SUMMARY_FAMILIES, 'Asia/Kolkata')
    while (rebuildStep(db, SUMMARY_FAMILIES, 700).more) {}
    const asked = { from: '2025-12-29', to: '2026-11-08', period: 'week', by: 'rep' }
    const fromSummaries = figures(db, asked, 'Asia/Kolkata')
    setProgress(db, 0)
    expect(fromSummaries).toEqual(figures(db, asked, 'Asia/Kolkata'))
    setProgress(db, SUMMARY_COMPLETE)
    // Not the figures of New York's weeks.
    resetSummaries(db, SUMMARY_FAMILIES, ZONE)
    while (rebuildStep(db, SUMMARY_FAMILIES, 5000).more) {}
    expect(figures(db, asked)).not.toEqual(fromSummaries)
  })

  it('is written out in the migration as the family builds it', () => {
    const migration = readFileSync('migrations/0027_review_hours.sql', 'utf8')
    const section = migration.slice(migration.indexOf('-- triggers: cases'))
    for (const trigger of casesTriggerSql()) expect(section).toContain(trigger)
  })
})
