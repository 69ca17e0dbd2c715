// Source and campaign quality (docs/metrics.md): of the hand-overs of each source or campaign to
// Sales (net-new: a lead's first; re-engaged: handed back from nurture), how many were rejected,
// and how many of those the committee confirmed bad or good.
import { type SQL, sql } from 'drizzle-orm'
import { offsetsOf } from '~/domain/summaries/calendar'
import { grainOf } from '~/domain/summaries/grains'
import { sourceSummaryCells, sourcesFamily } from '~/domain/summaries/sources.server'
import { fromSummariesOr } from '~/domain/summaries/state.server'
import type { Queryable } from '~db/connection'
import { NOT_IMPORTED_BY_ID, STAGE_SQL } from './accuracy.server'
import { addCounts, binaryOrder } from './cells.server'
import { periodTable } from './periods'
import { percentCell, type ReportQuery } from './query'

export type QualityRow = {
  name: string
  /** Hand-overs: net-new + re-engaged. */
  handedOver: number
  netNew: number
  reEngaged: number
  rejected: number
  confirmedBad: number
  confirmedGood: number
  /** confirmed bad ÷ handed over, or null when nothing was handed over. */
  confirmedBadRate: number | null
}

type Counts = Omit<QualityRow, 'name' | 'confirmedBadRate'>
type Cell = Omit<Counts, 'handedOver' | 'netNew' | 'reEngaged'> & {
  i: number
  source: string | null
  campaign: string | null
}
const zero = (): Counts => ({
  handedOver: 0,
  netNew: 0,
  reEngaged: 0,
  rejected: 0,
  confirmedBad: 0,
  confirmedGood: 0,
})
/** Net-new or re-engaged hand-overs counted: both columns and the total. */
const handedOver = (netNew: number, reEngaged: number) => ({
  handedOver: netNew + reEngaged,
  netNew,
  reEngaged,
})
const withRate = <T extends Counts>(row: T) => ({
  ...row,
  confirmedBadRate: row.handedOver > 0 ? row.confirmedBad / row.handedOver : null,
})

/**
 * The `pairs(source, campaign)` table for a WITH RECURSIVE: every (source, campaign) of the
 * leads, NULLs included, by a loose scan of leads_report_idx (one seek per pair), or only those
 * of the source and campaign the report is filtered on.
 */
function pairsOf(query: ReportQuery): SQL {
  const sources = query.source
    ? sql`sources(s) AS (VALUES (${query.source}))`
    : sql`sources(s) AS (
        SELECT min(l.source) FROM leads l
        UNION ALL
        SELECT (SELECT min(l.source) FROM leads l WHERE l.source > sources.s)
        FROM sources WHERE sources.s IS NOT NULL)`
  const pairs = query.campaign
    ? sql`pairs(source, campaign) AS (SELECT s, ${query.campaign} FROM sources)`
    : sql`pairs(source, campaign) AS (
        SELECT s, (SELECT min(l.campaign) FROM leads l WHERE l.source IS sources.s) FROM sources
        UNION ALL
        SELECT source, (
          SELECT min(l.campaign) FROM leads l
          WHERE l.source IS pairs.source AND l.campaign > pairs.campaign)
        FROM pairs WHERE campaign IS NOT NULL)`
  return sql`${sources}, ${pairs}`
}

/**
 * A re-engaged lead whose clock ran out and went on to the next rep (escalation) starts a new
 * clock flagged re-engaged, at the instant its moved-on ignored case opened: that clock goes on
 * the same hand-back, it is not another one.
 */
const notEscalation = (clock: 'h' | 'n') =>
  sql.raw(`NOT EXISTS (
  SELECT 1 FROM cases m WHERE m.lead_id = ${clock}.lead_id AND m.kind = 'ignored'
    AND m.opened_at = ${clock}.started_at AND m.lead_moved_on = 1)`)

/**
 * Re-engaged hand-overs (few: a partial index lists them by when they started), per period,
 * source and campaign of their leads. A re-engaged hand-over's cases are its lead's re-engaged
 * cases opened from it until the lead's next re-engaged hand-over. A reason filter keeps the
 * hand-overs with a rejection for that reason.
 */
function reEngagedCells(
  db: Queryable,
  query: ReportQuery,
  periods: SQL,
  within: { start: number; end: number; stage: SQL; leadFilters: SQL },
) {
  const cases = (condition: SQL) => sql`EXISTS (
    SELECT 1 FROM cases c
    WHERE ${within.stage} AND c.lead_id = h.lead_id AND c.reengaged = 1
      AND c.opened_at >= h.started_at AND ${condition}
      AND NOT EXISTS (
        SELECT 1 FROM follow_ups n
        WHERE n.lead_id = h.lead_id AND n.kind = 'hand_over' AND n.reengaged = 1
          AND n.started_at > h.started_at AND n.started_at <= c.opened_at
          AND ${notEscalation('n')}))`
  return db.all<Cell & { handedOver: number }>(sql`
    WITH ${periods}
    SELECT p.i AS i, l.source AS source, l.campaign AS campaign,
      count(*) AS handedOver,
      count(*) FILTER (WHERE r.rejected) AS rejected,
      count(*) FILTER (WHERE r.bad) AS confirmedBad,
      count(*) FILTER (WHERE r.good) AS confirmedGood
    FROM (
      SELECT h.lead_id AS lead_id, h.started_at AS started_at,
        ${cases(sql`1`)} AS rejected,
        ${cases(sql`c.verdict = 'does_not_meet'`)} AS bad,
        ${cases(sql`c.verdict = 'meets'`)} AS good
      FROM follow_ups h INDEXED BY follow_ups_reengaged_idx
      WHERE h.kind = 'hand_over' AND h.reengaged = 1 AND ${notEscalation('h')}
        AND h.started_at >= ${within.start} AND h.started_at < ${within.end}
        ${query.reasonId ? sql`AND ${cases(sql`c.reason_id = ${query.reasonId}`)}` : sql``}
    ) r
    CROSS JOIN leads l
    CROSS JOIN periods p
    WHERE l.id = r.lead_id AND r.started_at >= p.start AND r.started_at < p.finish
      ${within.leadFilters}
    GROUP BY p.i, l.source, l.campaign`)
}

type Cells = ReturnType<typeof cellsOf>

/** The report's rows, filled cell by cell: a period, a source and a campaign each. */
function cellsOf(spans: readonly { label: string }[]) {
  const byPeriod = spans.map(zero)
  const bySource = new Map<string | null, Counts>()
  const byCampaign = new Map<string | null, Counts>()
  const addTo = (groups: Map<string | null, Counts>, key: string | null, cell: Counts) => {
    const row = groups.get(key) ?? zero()
    groups.set(key, row)
    addCounts<Counts>(row, cell)
  }
  const grouped = (groups: Map<string | null, Counts>, none: string) =>
    [...groups]
      .map(([value, row]) => ({ name: value ?? none, ...row }))
      .filter((row) => row.handedOver > 0)
      .sort((a, b) => b.handedOver - a.handedOver || binaryOrder(a.name, b.name))
      .map(withRate)
  return {
    add(i: number, source: string | null, campaign: string | null, cell: Counts) {
      addCounts(byPeriod[i] as Counts, cell)
      addTo(bySource, source, cell)
      addTo(byCampaign, campaign, cell)
    },
    report: () => ({
      periods: byPeriod.map((row, i) => withRate({ name: spans[i]?.label ?? '', ...row })),
      bySource: grouped(bySource, 'No source'),
      byCampaign: grouped(byCampaign, 'No campaign'),
    }),
  }
}

/** The lead filters (rep: the owner now, source, campaign) as SQL on leads `l`. */
function leadFiltersOf(query: ReportQuery) {
  const filters = [
    query.repId ? sql` AND l.owner_id = ${query.repId}` : undefined,
    query.source ? sql` AND l.source = ${query.source}` : undefined,
    query.campaign ? sql` AND l.campaign = ${query.campaign}` : undefined,
  ].filter((filter) => filter !== undefined)
  return { any: filters.length > 0, sql: sql.join(filters, sql``) }
}

/** The cases a stage filter keeps (absent: the rejections, before and after contact). */
const stageOf = (query: ReportQuery) =>
  query.stage ? STAGE_SQL[query.stage] : sql`c.kind = 'rejected'`
const notHistoryOf = (query: ReportQuery) =>
  query.history === 'hidden' ? sql` AND l.history = 0` : sql``

/** Re-engaged hand-overs, read raw (few: a partial index lists them), into `cells`. */
function addReEngaged(
  db: Queryable,
  query: ReportQuery,
  table: ReturnType<typeof periodTable>,
  cells: Cells,
) {
  if (query.handOver === 'net_new') return
  const { start, end, periods } = table
  for (const { i, source, campaign, ...counts } of reEngagedCells(db, query, periods, {
    start,
    end,
    stage: stageOf(query),
    leadFilters: sql`${leadFiltersOf(query).sql} ${notHistoryOf(query)}`,
  }))
    cells.add(i, source, campaign, {
      ...counts,
      ...handedOver(0, query.reasonId ? counts.rejected : counts.handedOver),
    })
}

/**
 * The report from the raw rows: the oracle of the summaries, and what is read while they are
 * rebuilt or for a filter they cannot answer (the rep and the reason together).
 */
export function sourceQualityRaw(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const table = periodTable(query.period, range, timeZone)
  const { spans, start, end, periods } = table
  const leadFilters = leadFiltersOf(query)
  // Hidden imported history: no lead recorded as history, and no rejection imported and not
  // reviewed (a lead worked now can carry one), counts.
  const hidden = query.history === 'hidden'
  const notHistory = notHistoryOf(query)
  const cells = cellsOf(spans)
  const stage = stageOf(query)
  // Net-new hand-overs' rejected leads, from their net-new cases (far fewer than leads): each
  // lead's cases are a run of the (kind, lead_id, …) index, then the lead itself gives its
  // period, source and campaign. A reason filter keeps the leads rejected at least once for
  // that reason, and only those count as handed over. The rep, source and campaign filters
  // narrow the cases to their leads first; the history filter applies where each lead is read
  // by its id, since the indexes that list a filter's leads do not hold `history`.
  const rejected =
    query.handOver === 're_engaged'
      ? []
      : db.all<Cell>(sql`
    WITH ${periods}
    SELECT p.i AS i, l.source AS source, l.campaign AS campaign,
      count(*) AS rejected,
      count(*) FILTER (WHERE r.bad) AS confirmedBad,
      count(*) FILTER (WHERE r.good) AS confirmedGood
    FROM (
      SELECT c.lead_id AS lead_id,
        max(c.verdict = 'does_not_meet') AS bad,
        max(c.verdict = 'meets') AS good
      FROM cases c
      WHERE ${stage} AND c.reengaged = 0 ${hidden ? sql`AND ${NOT_IMPORTED_BY_ID}` : sql``} ${
        leadFilters.any
          ? sql`AND c.lead_id IN (SELECT l.id FROM leads l
              WHERE l.handed_over_at >= ${start} AND l.handed_over_at < ${end} ${leadFilters.sql})`
          : sql``
      }
      GROUP BY c.lead_id
      ${query.reasonId ? sql`HAVING max(c.reason_id = ${query.reasonId})` : sql``}
    ) r
    CROSS JOIN leads l
    CROSS JOIN periods p
    WHERE l.id = r.lead_id AND l.handed_over_at >= p.start AND l.handed_over_at < p.finish
      ${leadFilters.sql} ${notHistory}
    GROUP BY p.i, l.source, l.campaign`)
  for (const { i, source, campaign, ...counts } of rejected)
    cells.add(i, source, campaign, {
      ...counts,
      ...handedOver(query.reasonId ? counts.rejected : 0, 0),
    })
  // Leads handed over (net-new), per period, source and campaign: a cell of leads_report_idx each.
  if (query.handOver !== 're_engaged' && !query.reasonId)
    for (const { i, source, campaign, n } of db.all<{
      i: number
      source: string | null
      campaign: string | null
      n: number
    }>(sql`
      WITH RECURSIVE ${periods}, ${pairsOf(query)}
      SELECT p.i AS i, pairs.source AS source, pairs.campaign AS campaign, (
        SELECT count(*) FROM leads l
        WHERE l.source IS pairs.source AND l.campaign IS pairs.campaign
          AND l.handed_over_at >= p.start AND l.handed_over_at < p.finish
          ${query.repId ? sql`AND l.owner_id = ${query.repId}` : sql``} ${notHistory}
      ) AS n
      FROM pairs, periods p`))
      if (n > 0) cells.add(i, source, campaign, { ...zero(), ...handedOver(n, 0) })
  addReEngaged(db, query, table, cells)
  return cells.report()
}

/**
 * The report from the summaries (decision 34): the net-new hand-overs of each week or month,
 * source and campaign from the `sources` family, the re-engaged ones raw.
 */
export function sourceQualityFromSummaries(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const table = periodTable(query.period, range, timeZone)
  const cells = cellsOf(table.spans)
  if (query.handOver !== 're_engaged') {
    const grain = grainOf(query.period, table.spans, offsetsOf(timeZone))
    for (const cell of sourceSummaryCells(db, {
      grain: grain.grain,
      from: grain.from,
      to: grain.to,
      repId: query.repId,
      reasonId: query.reasonId,
      source: query.source,
      campaign: query.campaign,
      hidden: query.history === 'hidden',
      stage: query.stage,
    }))
      cells.add(grain.indexOf(cell.period), cell.source, cell.campaign, {
        ...handedOver(cell.handedOver, 0),
        rejected: cell.rejected,
        confirmedBad: cell.confirmedBad,
        confirmedGood: cell.confirmedGood,
      })
  }
  addReEngaged(db, query, table, cells)
  return cells.report()
}

/**
 * Source and campaign quality: from the summaries when the `sources` family is complete for
 * the organisation's zone and the filters are ones they answer, else from the raw rows; its
 * queries in one read transaction, so its figures are one snapshot.
 */
export function sourceQualityReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  return fromSummariesOr(db, sourcesFamily, timeZone, !(query.repId && query.reasonId), {
    summaries: (tx) => sourceQualityFromSummaries(tx, query, range, timeZone),
    raw: (tx) => sourceQualityRaw(tx, query, range, timeZone),
  })
}

/** The quality report's numbers as CSV rows (a header, then each section), as the page shows them. */
export function sourceQualityCsvRows(
  report: ReturnType<typeof sourceQualityReport>,
): (string | number)[][] {
  const rows: [string, QualityRow][] = [
    ...report.periods.map((r): [string, QualityRow] => ['Period', r]),
    ...report.bySource.map((r): [string, QualityRow] => ['Source', r]),
    ...report.byCampaign.map((r): [string, QualityRow] => ['Campaign', r]),
  ]
  return [
    [
      'section',
      'name',
      'handed_over',
      'net_new',
      're_engaged',
      'rejected',
      'confirmed_bad',
      'confirmed_good',
      'confirmed_bad_percent',
    ],
    ...rows.map(([section, r]) => [
      section,
      r.name,
      r.handedOver,
      r.netNew,
      r.reEngaged,
      r.rejected,
      r.confirmedBad,
      r.confirmedGood,
      percentCell(r.confirmedBadRate),
    ]),
  ]
}
