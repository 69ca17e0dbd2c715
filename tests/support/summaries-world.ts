// A randomised world for the summary families' oracle tests (decision 34): a few thousand
// leads, cases, re-engaged hand-overs and outcomes written as the app writes them (raw inserts
// of the rows it would write), from a seeded PRNG and a pinned clock, in America/New_York,
// with hand-overs and cases around local midnight and the two changes of the clocks; then the
// later writes the triggers must follow: a lead's source, campaign and owner changed (an
// upsert), cases decided, conceded or taken up, outcomes added (later, and earlier than the
// latest), changed and deleted.
import { ReportQuerySchema } from '~/domain/reports/query'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import {
  prepareSummaries,
  rebuildStep,
  resetFamily,
  type SummaryFamily,
  summariesComplete,
} from '~/domain/summaries/state.server'
import type { DB } from '~db/connection'
import { memoryDb } from './memory-db'

/** mulberry32: a small seeded PRNG, the same sequence on every run. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(values: readonly T[]) => values[int(values.length)] as T
  return { next, int, pick, chance: (p: number) => next() < p }
}
export type Prng = ReturnType<typeof prng>

export const ZONE = 'America/New_York'
export const REPS = [2, 3, 4, 5, 6]
export const REASONS = [1, 2, 3, 4, 5]
export const SOURCES = [null, 'web', 'ads', 'expo'] as const
export const CAMPAIGNS = [null, 'spring', 'summer', 'fall'] as const
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The clock changes of 2026 in New York (UTC), and a local midnight in winter and in summer. */
const EDGES = [
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2026, 0, 1, 5),
  Date.UTC(2026, 5, 1, 4),
  Date.UTC(2025, 11, 1, 5),
]
const FIRST = Date.UTC(2025, 9, 1)
const SPAN = Date.UTC(2027, 0, 15) - FIRST

/** An instant in the world's year, one in three within an hour of a local midnight or DST change. */
function instant(r: Prng) {
  if (r.chance(0.33)) return r.pick(EDGES) + Math.round((r.next() - 0.5) * 2 * HOUR)
  if (r.chance(0.1)) {
    // Just either side of a local midnight (05:00 UTC in winter, 04:00 in summer).
    const day = FIRST + r.int(SPAN / DAY) * DAY
    return day + (r.chance(0.5) ? 4 : 5) * HOUR + r.pick([-1, 0, 1]) * 60_000
  }
  return FIRST + r.int(SPAN)
}
const dateOf = (at: number) => new Date(at).toISOString().slice(0, 10)

export type SummaryWorld = { leads: number; cases: number; outcomes: number }

/** Writes the world into `db` (migrated, its foreign keys not checked: no users or reasons needed). */
export function buildSummaryWorld(db: DB, seed: number, size = 1500): SummaryWorld {
  const r = prng(seed)
  const sqlite = db.$client
  sqlite.pragma('foreign_keys = OFF')
  const insertLead = sqlite.prepare(`INSERT INTO leads (email, owner_id, status, handed_over_at,
    created_at, updated_at, source, campaign, history) VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?)`)
  const insertCase = sqlite.prepare(`INSERT INTO cases (lead_id, kind, status, reason_id,
    filed_by, rep_id, lead_snapshot, opened_at, review_due_at, source, campaign, verdict,
    after_contact, reengaged, lead_moved_on) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, 0)`)
  const insertClock = sqlite.prepare(`INSERT INTO follow_ups (lead_id, rep_id, kind, started_at,
    due_at, acted_at, action, reengaged) VALUES (?, ?, 'hand_over', ?, ?, ?, 'rejected', 1)`)
  const insertOutcome = sqlite.prepare(`INSERT INTO outcomes (lead_id, outcome, occurred_on,
    recorded_at) VALUES (?, ?, ?, ?)`)
  const OUTCOMES = [
    'won',
    'bought_elsewhere',
    'in_buying_process',
    'plans_to_buy',
    'no_plans',
    'not_a_fit',
  ]
  const leads: {
    id: number
    at: number
    rep: number
    source: string | null
    campaign: string | null
  }[] = []
  let cases = 0
  let outcomes = 0
  const inReview = new Set<number>()
  sqlite.transaction(() => {
    for (let i = 0; i < size; i++) {
      const at = instant(r)
      const lead = {
        id: 0,
        at,
        rep: r.pick(REPS),
        source: r.pick(SOURCES),
        campaign: r.pick(CAMPAIGNS),
      }
      lead.id = Number(
        insertLead.run(
          `lead-${seed}-${i}@world.test`,
          lead.rep,
          at,
          at,
          at,
          lead.source,
          lead.campaign,
          r.chance(0.1) ? 1 : 0,
        ).lastInsertRowid,
      )
      leads.push(lead)
    }
    // Cases in an order of their own, not the leads'.
    for (let k = 0; k < size * 0.7; k++) {
      const lead = r.pick(leads)
      const kind = r.chance(0.8) ? 'rejected' : 'ignored'
      const reengaged = r.chance(0.15) ? 1 : 0
      const afterContact = kind === 'rejected' && r.chance(0.3) ? 1 : 0
      const imported = kind === 'rejected' && !afterContact && !reengaged && r.chance(0.12)
      // One case in review per lead at a time (cases_one_open_per_lead).
      const statuses = inReview.has(lead.id)
        ? ['decided', 'conceded']
        : ['in_review', 'decided', 'decided', 'conceded']
      const status = imported ? 'imported' : r.pick(statuses)
      if (status === 'in_review') inReview.add(lead.id)
      const verdict =
        status === 'decided'
          ? r.pick(['meets', 'does_not_meet'])
          : status === 'conceded'
            ? 'does_not_meet'
            : null
      const opened = r.chance(0.3) ? instant(r) : lead.at + r.int(40 * DAY)
      if (reengaged) {
        // The hand-back the re-engaged case opened on, a little before it.
        const started = opened - r.int(5 * DAY)
        insertClock.run(lead.id, lead.rep, started, started + 2 * DAY, opened)
      }
      insertCase.run(
        lead.id,
        kind,
        status,
        kind === 'rejected' ? r.pick(REASONS) : null,
        kind === 'rejected' ? lead.rep : null,
        lead.rep,
        opened,
        opened + 5 * DAY,
        lead.source,
        lead.campaign,
        verdict,
        afterContact,
        reengaged,
      )
      cases++
    }
    for (let k = 0; k < size * 0.4; k++) {
      const lead = r.pick(leads)
      insertOutcome.run(lead.id, r.pick(OUTCOMES), dateOf(instant(r)), instant(r))
      outcomes++
    }
  })()
  laterWrites(db, r, leads.length)
  return { leads: leads.length, cases, outcomes }
}

/** The writes after the fact that the triggers must follow. */
export function laterWrites(db: DB, r: Prng, leads: number) {
  const sqlite = db.$client
  const id = () => 1 + r.int(leads)
  sqlite.transaction(() => {
    const setSource = sqlite.prepare('UPDATE leads SET source = ?, campaign = ? WHERE id = ?')
    const setOwner = sqlite.prepare('UPDATE leads SET owner_id = ?, updated_at = 1 WHERE id = ?')
    const setHandOver = sqlite.prepare(
      'UPDATE leads SET handed_over_at = handed_over_at + ? WHERE id = ?',
    )
    for (let k = 0; k < leads / 10; k++) setSource.run(r.pick(SOURCES), r.pick(CAMPAIGNS), id())
    for (let k = 0; k < leads / 20; k++) setOwner.run(r.pick(REPS), id())
    for (let k = 0; k < leads / 50; k++) setHandOver.run(r.int(3) * DAY, id())
    // An update that writes the same values: the triggers' WHEN leaves it alone.
    sqlite.prepare('UPDATE leads SET source = source, campaign = campaign WHERE id <= 20').run()
    const open = sqlite
      .prepare("SELECT id FROM cases WHERE status IN ('in_review', 'imported') ORDER BY id")
      .all() as { id: number }[]
    const decide = sqlite.prepare("UPDATE cases SET status = 'decided', verdict = ? WHERE id = ?")
    const takeUp = sqlite.prepare(
      `UPDATE cases SET status = 'in_review' WHERE id = ? AND status = 'imported'
      AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.lead_id = cases.lead_id AND o.status = 'in_review')`,
    )
    for (const { id: caseId } of open) {
      const roll = r.next()
      if (roll < 0.3) decide.run(r.pick(['meets', 'does_not_meet']), caseId)
      else if (roll < 0.5) takeUp.run(caseId)
    }
    sqlite
      .prepare(
        "UPDATE cases SET after_contact = 1 - after_contact WHERE id % 37 = 0 AND kind = 'rejected' AND status <> 'imported'",
      )
      .run()
    sqlite
      .prepare(
        'UPDATE cases SET reason_id = 1 + (reason_id % 5) WHERE id % 29 = 0 AND reason_id IS NOT NULL',
      )
      .run()
    const outcomeIds = sqlite.prepare('SELECT id, lead_id FROM outcomes ORDER BY id').all() as {
      id: number
      lead_id: number
    }[]
    const later = sqlite.prepare(`INSERT INTO outcomes (lead_id, outcome, occurred_on, recorded_at)
      VALUES (?, ?, ?, 0)`)
    for (const o of outcomeIds) {
      const roll = r.next()
      if (roll < 0.1) sqlite.prepare('DELETE FROM outcomes WHERE id = ?').run(o.id)
      else if (roll < 0.2)
        sqlite
          .prepare(
            "UPDATE outcomes SET occurred_on = '2027-01-10', outcome = 'no_plans' WHERE id = ?",
          )
          .run(o.id)
      else if (roll < 0.3)
        later.run(o.lead_id, 'won', '2020-01-01') // earlier than any: not the latest
      else if (roll < 0.4) later.run(o.lead_id, 'not_a_fit', '2027-01-12') // the latest now
    }
    // A case deleted, and a lead with its cases and outcomes (a test's clean-up does so).
    sqlite.prepare('DELETE FROM cases WHERE id % 53 = 0').run()
  })()
}

/** A random report query and range: every period, filter and combination, now and then. */
export function randomQuery(r: Prng) {
  const from = new Date(Date.UTC(2025, 8 + r.int(14), 1 + r.int(28)))
  const to = new Date(from.getTime() + r.int(420) * 86_400_000)
  const maybe = <T>(p: number, value: () => T) => (r.chance(p) ? value() : undefined)
  const asked = {
    period: r.pick(['week', 'month', 'quarter']),
    repId: maybe(0.25, () => r.pick(REPS)),
    reasonId: maybe(0.25, () => r.pick(REASONS)),
    source: maybe(0.2, () => r.pick([...SOURCES.filter(Boolean), 'none such'])),
    campaign: maybe(0.2, () => r.pick([...CAMPAIGNS.filter(Boolean)])),
    history: r.pick(['shown', 'hidden']),
    stage: maybe(0.4, () => r.pick(['before_contact', 'after_contact', 'ignored'])),
    handOver: maybe(0.4, () => r.pick(['net_new', 're_engaged'])),
  }
  return {
    query: ReportQuerySchema.parse(asked),
    range: { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) },
  }
}

/** Every row of the family's tables but those all zero, in key order. */
export function tablesOf(db: DB, tables: readonly string[]) {
  return Object.fromEntries(
    tables.map((table) => [
      table,
      db.$client
        .prepare(`SELECT * FROM ${table} WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`)
        .all(),
    ]),
  )
}

/**
 * A fresh database whose summaries are counted from the start in ZONE (`family`'s checked
 * complete before any row), filled by buildSummaryWorld: every write goes through the triggers.
 */
export function summaryWorldDb(family: SummaryFamily, seed: number): DB {
  const db = memoryDb()
  prepareSummaries(db, SUMMARY_FAMILIES, ZONE)
  if (!summariesComplete(db, family, ZONE)) throw new Error(`${family.name} is not complete`)
  buildSummaryWorld(db, seed)
  return db
}

/**
 * Every row of every family's tables whose figures are not all zero (the triggers leave a row
 * at zero where a rebuild or a batch writes none), in key order.
 */
export function everySummary(db: DB) {
  const sqlite = db.$client
  return Object.fromEntries(
    SUMMARY_FAMILIES.flatMap((family) => family.tables).map((table) => {
      const columns = sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
        name: string
        pk: number
      }[]
      const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
      const figures = columns.filter((c) => c.pk === 0).map((c) => `${c.name} <> 0`)
      const rows = sqlite
        .prepare(
          `SELECT * FROM ${table} WHERE ${figures.join(' OR ')} ORDER BY ${key.map((c) => c.name).join(', ')}`,
        )
        .all()
      return [table, rows]
    }),
  )
}

/** Rebuilds every family from zero and returns the summaries (left so): what should be counted. */
export function rebuiltFromZero(db: DB) {
  for (const family of SUMMARY_FAMILIES) resetFamily(db, family)
  while (rebuildStep(db, SUMMARY_FAMILIES, 97).more);
  return everySummary(db)
}
