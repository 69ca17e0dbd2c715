// The clocks family's oracle (decision 34): a few thousand follow-up and return clocks, written
// with a seeded PRNG around local midnight and New York's clock changes, some ended later, moved
// (their lead's source, their case's reason) or deleted through the triggers; then every figure of
// the SLA report's clock sections, the scorecard and their CSVs, for many random queries, read
// from the summaries equals the raw SQL's (today's SQL, the oracle). The rebuild counts what the
// triggers counted, and a time-zone change with its rebuild gives the raw figures of the new zone.
import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ReportQuery } from '~/domain/reports/query'
import { repScorecard, scorecardCsvRows } from '~/domain/reports/scorecard.server'
import { slaCsvRows, slaReport } from '~/domain/reports/sla.server'
import { updateOrganisationSettings } from '~/domain/settings/settings.server'
import { CLOCKS_SUMMARIES } from '~/domain/summaries/clocks.server'
import { clockTriggersSql } from '~/domain/summaries/clocks-sql'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import {
  rebuildStep,
  resetFamily,
  SUMMARY_COMPLETE,
  summariesComplete,
} from '~/domain/summaries/state.server'
import type { DB } from '~db/connection'
import { memoryDb } from '../support/memory-db'

const NOW = new Date(Date.UTC(2026, 11, 15, 15, 0))
const HOUR = 3_600_000
const SOURCES = ['web', 'events', 'partner', null]
const CAMPAIGNS = ['spring', 'summer', 'fall', 'winter', null]

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T
  return { next, int, pick, chance: (p: number) => next() < p }
}

type World = { db: DB; reps: number[]; reasons: number[] }

/** Instants around New York's midnights and clock changes, and anywhere in 2026. */
function startOf(rng: ReturnType<typeof prng>): number {
  const special = [
    Date.UTC(2026, 2, 8, 7), // 8 March, 03:00 EDT: the spring change
    Date.UTC(2026, 10, 1, 6), // 1 November, 01:00 EST: the autumn change
    Date.UTC(2026, 5, 1, 4), // 1 June, midnight EDT
    Date.UTC(2026, 0, 1, 5), // 1 January, midnight EST
    Date.UTC(2026, 8, 30, 4), // 30 September / 1 October
  ]
  if (rng.chance(0.35)) return rng.pick(special) + rng.int(-90, 90) * 60_000
  return Date.UTC(2026, 0, 1) + rng.int(0, 348 * 24 * 60) * 60_000
}

function buildWorld(seed: number): World {
  const db = memoryDb()
  updateOrganisationSettings(
    db,
    null,
    { organisationName: 'Oracle', timeZone: 'America/New_York' },
    NOW,
  )
  const rng = prng(seed)
  const c = db.$client
  const reps = Array.from({ length: 6 }, (_, i) =>
    Number(
      c
        .prepare('INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)')
        .run(`rep${i}@example.com`, `Rep ${i}`, 'x').lastInsertRowid,
    ),
  )
  const reasons = (
    c.prepare('SELECT id FROM reasons ORDER BY id LIMIT 4').all() as { id: number }[]
  ).map((r) => r.id)
  const insertLead = c.prepare(`INSERT INTO leads (owner_id, handed_over_at, created_at, updated_at,
    source, campaign, reengaged, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, hex(randomblob(8)))`)
  const leads = Array.from({ length: 900 }, () => {
    const at = startOf(rng)
    return Number(
      insertLead.run(
        rng.pick(reps),
        at,
        at,
        at,
        rng.pick(SOURCES),
        rng.pick(CAMPAIGNS),
        rng.chance(0.2) ? 1 : 0,
      ).lastInsertRowid,
    )
  })
  const addCase = c.prepare(`INSERT INTO cases (lead_id, kind, rep_id, filed_by, lead_snapshot,
    opened_at, review_due_at, decided_at, reason_id, status, verdict)
    VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, 'decided', 'meets')`)
  const insertCase = (
    lead: number,
    rep: number,
    opened: number,
    due: number,
    decided: number,
    reason: number | null,
  ) =>
    addCase.run(
      lead,
      reason === null ? 'ignored' : 'rejected',
      rep,
      reason === null ? null : rep,
      opened,
      due,
      decided,
      reason,
    )
  const insertClock = c.prepare(`INSERT INTO follow_ups (lead_id, rep_id, kind, started_at, due_at,
    acted_at, action, working_ms, reengaged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const openLeads = new Set<number>()
  const later: (() => void)[] = []
  for (let i = 0; i < 3000; i++) {
    const lead = rng.pick(leads)
    const rep = rng.pick(reps)
    const kind = rng.chance(0.25) ? 'return' : 'hand_over'
    const open = !openLeads.has(lead) && rng.chance(0.1)
    // A third of the running clocks started in the last day: not yet due.
    const startedAt = open && rng.chance(0.3) ? NOW.getTime() - rng.int(1, 20) * HOUR : startOf(rng)
    const dueAt = startedAt + rng.int(1, 48) * HOUR
    const reason = rng.chance(0.15) ? null : rng.pick(reasons)
    const caseLater = kind === 'return' && rng.chance(0.2)
    if (kind === 'return' && !caseLater)
      insertCase(lead, rep, startedAt - HOUR, startedAt + HOUR, startedAt, reason)
    const endsLater = !open && !openLeads.has(lead) && rng.chance(0.1)
    const action = rng.pick(['accepted', 'accepted', 'rejected', 'ignored'] as const)
    const actedAt = startedAt + rng.int(0, 60) * HOUR + rng.int(0, 3_599_999)
    const workingMs =
      action === 'ignored' || rng.chance(0.05)
        ? null
        : rng.chance(0.1)
          ? rng.int(0, 5) * 60_000
          : rng.int(0, 30 * HOUR)
    const closed = !open && !endsLater
    if (open || endsLater) openLeads.add(lead)
    const id = Number(
      insertClock.run(
        lead,
        rep,
        kind,
        startedAt,
        dueAt,
        closed ? actedAt : null,
        closed ? action : null,
        closed ? workingMs : null,
        rng.chance(0.2) ? 1 : 0,
      ).lastInsertRowid,
    )
    if (endsLater)
      later.push(() => {
        c.prepare(
          'UPDATE follow_ups SET acted_at = ?, action = ?, working_ms = ? WHERE id = ?',
        ).run(actedAt, action, workingMs, id)
        openLeads.delete(lead)
      })
    if (caseLater)
      later.push(() => insertCase(lead, rep, startedAt - HOUR, startedAt + HOUR, startedAt, reason))
    if (closed && rng.chance(0.02))
      later.push(() => c.prepare('DELETE FROM follow_ups WHERE id = ?').run(id))
    if (closed && rng.chance(0.03))
      later.push(() =>
        c
          .prepare('UPDATE follow_ups SET reminded_at = ?, rep_id = ? WHERE id = ?')
          .run(NOW.getTime(), rng.pick(reps), id),
      )
  }
  for (const change of later) change()
  // Leads upserted with a new source or campaign; cases given another reason.
  for (let i = 0; i < 120; i++)
    c.prepare('UPDATE leads SET source = ?, campaign = ? WHERE id = ?').run(
      rng.pick(SOURCES),
      rng.pick(CAMPAIGNS),
      rng.pick(leads),
    )
  for (let i = 0; i < 40; i++)
    c.prepare(
      "UPDATE cases SET reason_id = ? WHERE id = (SELECT id FROM cases WHERE kind = 'rejected' ORDER BY id LIMIT 1 OFFSET ?)",
    ).run(rng.pick(reasons), rng.int(0, 200))
  return { db, reps, reasons }
}

function randomQuery(rng: ReturnType<typeof prng>, world: World) {
  const period = rng.pick(['week', 'month', 'quarter'] as const)
  const fromMonth = rng.int(0, 11)
  const span = period === 'week' ? rng.int(0, 4) : rng.int(0, 11 - fromMonth)
  const from = `2026-${String(fromMonth + 1).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
  const toMonth = Math.min(11, fromMonth + span)
  const to = `2026-${String(toMonth + 1).padStart(2, '0')}-${String(rng.int(toMonth === fromMonth ? Number(from.slice(8)) : 1, 28)).padStart(2, '0')}`
  const maybe = <T>(p: number, value: () => T) => (rng.chance(p) ? value() : undefined)
  const query: ReportQuery = {
    period,
    by: 'rep',
    history: rng.pick(['shown', 'hidden'] as const),
    repId: maybe(0.3, () => rng.pick(world.reps)),
    reasonId: maybe(0.3, () => rng.pick(world.reasons)),
    source: maybe(0.25, () => rng.pick(SOURCES.filter((s) => s !== null))),
    campaign: maybe(0.25, () => rng.pick(CAMPAIGNS.filter((s) => s !== null))),
    stage: maybe(0.2, () => rng.pick(['before_contact', 'after_contact', 'ignored'] as const)),
    handOver: maybe(0.3, () => rng.pick(['net_new', 're_engaged'] as const)),
  }
  return { query, range: { from, to } }
}

const TZ = 'America/New_York'
const setProgress = (db: DB, upto: number) =>
  db.run(sql`UPDATE summary_progress SET upto = ${upto} WHERE family = 'clocks'`)

function reports(db: DB, query: ReportQuery, range: { from: string; to: string }, tz = TZ) {
  const sla = slaReport(db, query, range, tz, NOW)
  const scorecard = repScorecard(db, query, range, tz, NOW)
  return {
    followUp: sla.followUp,
    return: sla.return,
    scorecard,
    slaCsv: slaCsvRows(sla),
    scorecardCsv: scorecardCsvRows(scorecard),
  }
}

const TABLES = CLOCKS_SUMMARIES.tables
/** A family's tables, the rows that count something (a row taken back to zero counts nothing). */
function tables(db: DB) {
  return Object.fromEntries(
    TABLES.map((table) => {
      const cols = db.$client.prepare(`PRAGMA table_info(${table})`).all() as {
        name: string
        pk: number
      }[]
      const counts = cols.filter((col) => col.pk === 0).map((col) => col.name)
      const rows = db.$client
        .prepare(
          `SELECT * FROM ${table} WHERE ${counts.map((n) => `${n} <> 0`).join(' OR ')} ORDER BY ${cols
            .filter((col) => col.pk > 0)
            .map((col) => col.name)
            .join(', ')}`,
        )
        .all()
      return [table, rows]
    }),
  )
}

describe('the clocks summaries', () => {
  let world: World
  beforeAll(() => {
    world = buildWorld(18)
  })

  it('keeps the migration’s triggers as the generator writes them', () => {
    const migration = readFileSync('migrations/0026_report_summaries.sql', 'utf8')
    expect(migration.endsWith(clockTriggersSql())).toBe(true)
  })

  it('counts every ended clock, and the world has every case the oracle needs', () => {
    const { db } = world
    expect(summariesComplete(db, CLOCKS_SUMMARIES, TZ)).toBe(true)
    const n = (q: string) => (db.$client.prepare(q).get() as { n: number }).n
    const ended = n('SELECT count(*) AS n FROM follow_ups WHERE acted_at IS NOT NULL')
    expect(
      n('SELECT sum(started) AS n FROM summary_clock_counts WHERE rep_id = 0 AND level = 0'),
    ).toBe(ended)
    expect(n('SELECT sum(started) AS n FROM summary_clock_details')).toBe(ended)
    expect(
      n(
        `SELECT count(*) AS n FROM follow_ups WHERE acted_at IS NULL AND due_at < ${NOW.getTime()}`,
      ),
    ).toBeGreaterThan(0)
    expect(
      n(
        'SELECT count(*) AS n FROM follow_ups WHERE acted_at IS NULL AND due_at >= ' +
          NOW.getTime(),
      ),
    ).toBeGreaterThan(0)
  })

  it('gives every figure and CSV row the raw SQL gives, for many random queries', {
    timeout: 120_000,
  }, () => {
    const { db } = world
    const rng = prng(2026)
    const queries = Array.from({ length: 60 }, () => randomQuery(rng, world))
    queries.push({
      query: { period: 'month', by: 'rep', history: 'shown' },
      range: { from: '2026-01-01', to: '2026-12-31' },
    })
    const fromSummaries = queries.map(({ query, range }) => reports(db, query, range))
    setProgress(db, 0)
    try {
      expect(summariesComplete(db, CLOCKS_SUMMARIES, TZ)).toBe(false)
      queries.forEach(({ query, range }, i) => {
        expect(fromSummaries[i], JSON.stringify({ query, range })).toEqual(
          reports(db, query, range),
        )
      })
    } finally {
      setProgress(db, SUMMARY_COMPLETE)
    }
    // The queries found something to compare: medians, breaches, running clocks.
    const whole = fromSummaries.at(-1)
    expect(
      whole?.followUp.some((r) => r.medianMs !== null && r.running > 0 && r.breached > 0),
    ).toBe(true)
    expect(whole?.scorecard.filter((r) => r.medianMs !== null).length).toBe(world.reps.length)
    // Some queries ran on the details (source, campaign, return reason), some on the per-rep tables.
    expect(queries.some(({ query }) => query.campaign && query.reasonId)).toBe(true)
    expect(queries.filter(({ query }) => !query.campaign && !query.source).length).toBeGreaterThan(
      10,
    )
    expect(whole?.return.some((r) => r.p90Ms !== null)).toBe(true)
  })

  it('reads days and whole months as ranges: edges, one rep, weeks, quarters', () => {
    // Each query's periods start and end inside months, so a period (or the scorecard's range)
    // is read as days, then whole months, then days (levelRuns); the figures must be the raw
    // SQL's, and not empty.
    const { db, reps } = world
    const asked: { query: ReportQuery; range: { from: string; to: string } }[] = [
      {
        query: { period: 'month', by: 'rep', history: 'shown' },
        range: { from: '2026-02-17', to: '2026-11-09' },
      },
      {
        query: { period: 'week', by: 'rep', history: 'shown', repId: reps[2] },
        range: { from: '2026-01-01', to: '2026-12-31' },
      },
      {
        query: { period: 'quarter', by: 'rep', history: 'shown', handOver: 'net_new' },
        range: { from: '2026-03-20', to: '2026-12-10' },
      },
    ]
    const fromSummaries = asked.map(({ query, range }) => reports(db, query, range))
    setProgress(db, 0)
    try {
      asked.forEach(({ query, range }, i) => {
        expect(fromSummaries[i], JSON.stringify(query)).toEqual(reports(db, query, range))
      })
    } finally {
      setProgress(db, SUMMARY_COMPLETE)
    }
    for (const figures of fromSummaries) {
      expect(figures.scorecard.some((r) => r.medianMs !== null && r.received > 0)).toBe(true)
      expect(figures.followUp.some((r) => r.p90Ms !== null)).toBe(true)
    }
    // The range from 17 February to 9 November: every rep's median, from days and months.
    expect(fromSummaries[0]?.scorecard.filter((r) => r.medianMs !== null)).toHaveLength(reps.length)
  })

  it('counts from zero, a chunk at a time, what the triggers counted', { timeout: 60_000 }, () => {
    const { db } = world
    const kept = tables(db)
    db.transaction((tx) => resetFamily(tx, CLOCKS_SUMMARIES), { behavior: 'immediate' })
    expect(summariesComplete(db, CLOCKS_SUMMARIES, TZ)).toBe(false)
    let steps = 0
    while (rebuildStep(db, SUMMARY_FAMILIES, 97).more) steps++
    expect(steps).toBeGreaterThan(25)
    expect(summariesComplete(db, CLOCKS_SUMMARIES, TZ)).toBe(true)
    expect(tables(db)).toEqual(kept)
  })

  it('after a time-zone change and its rebuild, gives the raw figures of the new zone', {
    timeout: 60_000,
  }, () => {
    const { db } = world
    updateOrganisationSettings(
      db,
      null,
      { organisationName: 'Oracle', timeZone: 'Asia/Kolkata' },
      NOW,
    )
    expect(summariesComplete(db, CLOCKS_SUMMARIES, 'Asia/Kolkata')).toBe(false)
    while (rebuildStep(db, SUMMARY_FAMILIES, 500).more);
    expect(summariesComplete(db, CLOCKS_SUMMARIES, 'Asia/Kolkata')).toBe(true)
    const rng = prng(7)
    const queries = Array.from({ length: 20 }, () => randomQuery(rng, world))
    const fromSummaries = queries.map(({ query, range }) =>
      reports(db, query, range, 'Asia/Kolkata'),
    )
    setProgress(db, 0)
    try {
      queries.forEach(({ query, range }, i) => {
        expect(fromSummaries[i]).toEqual(reports(db, query, range, 'Asia/Kolkata'))
      })
    } finally {
      setProgress(db, SUMMARY_COMPLETE)
    }
  })
})
