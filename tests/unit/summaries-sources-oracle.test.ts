// The `sources` family's oracle (decision 34): over a randomised world, every figure of source
// and campaign quality and its CSV read from the summaries equals the raw path's, for many
// random queries; a rebuild from zero gives the triggers' tables; a new time zone, rebuilt,
// gives the raw figures in that zone; the triggers follow a lead's source, campaign and owner.
import { describe, expect, it } from 'vitest'
import { ReportQuerySchema } from '~/domain/reports/query'
import {
  sourceQualityCsvRows,
  sourceQualityFromSummaries,
  sourceQualityRaw,
  sourceQualityReport,
} from '~/domain/reports/source-quality.server'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { hindsightTriggers } from '~/domain/summaries/hindsight.server'
import {
  SOURCE_TABLES,
  sourcesFamily,
  sourcesTriggers,
  typeMasks,
} from '~/domain/summaries/sources.server'
import {
  prepareSummaries,
  rebuildStep,
  resetFamily,
  resetSummaries,
  summariesComplete,
} from '~/domain/summaries/state.server'
import { memoryDb } from '../support/memory-db'
import { prng, randomQuery, summaryWorldDb, tablesOf, ZONE } from '../support/summaries-world'

const world = (seed: number) => summaryWorldDb(sourcesFamily, seed)

// A few thousand rows and a hundred reports each: seconds, more on a busy machine.
describe('source and campaign quality from the summaries', { timeout: 180_000 }, () => {
  it('gives every figure and CSV row of the raw path, for random queries', () => {
    const db = world(18)
    const r = prng(7)
    let compared = 0
    let nonEmpty = 0
    for (let k = 0; k < 150; k++) {
      const { query, range } = randomQuery(r)
      const raw = sourceQualityRaw(db, query, range, ZONE)
      const summaries = sourceQualityFromSummaries(db, query, range, ZONE)
      if (query.repId && query.reasonId) continue // read raw: not from the summaries
      expect(summaries, JSON.stringify({ query, range })).toEqual(raw)
      expect(sourceQualityCsvRows(summaries)).toEqual(sourceQualityCsvRows(raw))
      compared++
      if (raw.bySource.length > 0) nonEmpty++
    }
    expect(compared).toBeGreaterThan(100)
    expect(nonEmpty).toBeGreaterThan(60)
  })

  it('reads the summaries when complete and the raw rows while they are rebuilt, the same', () => {
    const db = world(19)
    const r = prng(8)
    for (let k = 0; k < 20; k++) {
      const { query, range } = randomQuery(r)
      db.$client.exec(
        "UPDATE summary_progress SET upto = 9007199254740991 WHERE family = 'sources'",
      )
      const complete = sourceQualityReport(db, query, range, ZONE)
      db.$client.exec("UPDATE summary_progress SET upto = 0 WHERE family = 'sources'")
      expect(summariesComplete(db, sourcesFamily, ZONE)).toBe(false)
      expect(sourceQualityReport(db, query, range, ZONE)).toEqual(complete)
    }
  })

  it('rebuilt from zero in chunks, holds what the triggers kept', () => {
    const db = world(20)
    const tables = SOURCE_TABLES
    const kept = tablesOf(db, tables)
    expect(kept.summary_source_cells?.length).toBeGreaterThan(1000)
    db.transaction((tx) => resetFamily(tx, sourcesFamily))
    expect(tablesOf(db, tables).summary_source_cells).toEqual([])
    while (rebuildStep(db, [sourcesFamily], 97).more);
    expect(summariesComplete(db, sourcesFamily, ZONE)).toBe(true)
    expect(tablesOf(db, tables)).toEqual(kept)
  })

  it('after a change of time zone and a rebuild, gives the raw figures in the new zone', () => {
    const db = world(21)
    const zone = 'Asia/Kolkata'
    db.transaction((tx) => resetSummaries(tx, SUMMARY_FAMILIES, zone))
    expect(summariesComplete(db, sourcesFamily, zone)).toBe(false)
    while (rebuildStep(db, SUMMARY_FAMILIES, 500).more);
    const r = prng(9)
    for (let k = 0; k < 30; k++) {
      const { query, range } = randomQuery(r)
      if (query.repId && query.reasonId) continue
      expect(sourceQualityFromSummaries(db, query, range, zone)).toEqual(
        sourceQualityRaw(db, query, range, zone),
      )
    }
  })

  it("moves a lead's hand-over when an upsert changes its source, campaign or owner", () => {
    const db = memoryDb()
    prepareSummaries(db, SUMMARY_FAMILIES, ZONE)
    const sqlite = db.$client
    sqlite.pragma('foreign_keys = OFF')
    // 15 January 2026, 12:00 in New York; rejected on the 16th, upheld.
    sqlite
      .prepare(`INSERT INTO leads (email, owner_id, handed_over_at, created_at, updated_at, source,
        campaign) VALUES ('a@x.test', 2, ?, 0, 0, 'web', 'spring')`)
      .run(Date.UTC(2026, 0, 15, 17))
    sqlite
      .prepare(`INSERT INTO cases (lead_id, kind, status, reason_id, filed_by, rep_id,
        lead_snapshot, opened_at, review_due_at, verdict) VALUES
        (1, 'rejected', 'decided', 3, 2, 2, '{}', ?, 0, 'does_not_meet')`)
      .run(Date.UTC(2026, 0, 16, 17))
    const upheld = typeMasks(undefined, false).bad
    const months = () =>
      sqlite
        .prepare(`SELECT dim, key, nullif(source, x'') AS source, nullif(campaign, x'') AS campaign,
          n, lead_types & ? <> 0 AS bad FROM summary_source_cells
          WHERE grain = 'm' AND period = ? AND n <> 0 ORDER BY dim`)
        .all(upheld, 20454)
    expect(months()).toEqual([
      { dim: 'all', key: 0, source: 'web', campaign: 'spring', n: 1, bad: 1 },
      { dim: 'owner', key: 2, source: 'web', campaign: 'spring', n: 1, bad: 1 },
      { dim: 'reason', key: 3, source: 'web', campaign: 'spring', n: 1, bad: 1 },
    ])
    sqlite
      .prepare("UPDATE leads SET source = 'ads', campaign = NULL, owner_id = 3 WHERE id = 1")
      .run()
    expect(months()).toEqual([
      { dim: 'all', key: 0, source: 'ads', campaign: null, n: 1, bad: 1 },
      { dim: 'owner', key: 3, source: 'ads', campaign: null, n: 1, bad: 1 },
      { dim: 'reason', key: 3, source: 'ads', campaign: null, n: 1, bad: 1 },
    ])
    const report = sourceQualityReport(
      db,
      ReportQuerySchema.parse({ repId: 3 }),
      { from: '2026-01-01', to: '2026-01-31' },
      ZONE,
    )
    expect(report.bySource).toEqual([
      {
        name: 'ads',
        handedOver: 1,
        netNew: 1,
        reEngaged: 0,
        rejected: 1,
        confirmedBad: 1,
        confirmedGood: 0,
        confirmedBadRate: 1,
      },
    ])
    expect(report.byCampaign.map((row) => row.name)).toEqual(['No campaign'])
    // The former owner's figures no longer hold it.
    const before = sourceQualityReport(
      db,
      ReportQuerySchema.parse({ repId: 2 }),
      { from: '2026-01-01', to: '2026-01-31' },
      ZONE,
    )
    expect(before.bySource).toEqual([])
  })

  it('keeps in the database the triggers the family writes', () => {
    const db = memoryDb()
    const stored = db.$client
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'summary_source_%' OR name LIKE 'summary_hindsight_%') ORDER BY name",
      )
      .all()
      .map((row) => (row as { sql: string }).sql)
    const written = [...sourcesTriggers(), ...hindsightTriggers()]
      .map((trigger) => trigger.replace(/;$/, ''))
      .sort()
    expect(stored).toEqual(written)
  })
})
