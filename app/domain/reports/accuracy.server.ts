// Rejection accuracy (docs/metrics.md): of the rejections ruled on, how many the committee
// upheld. Counted in SQL, per period of the month (or week, quarter) the case opened, and
// broken down by rep, reason, source or campaign: one cell per period and value of the
// breakdown, each a range of the breakdown's covering index (cases_report_*_idx). Beside the
// rejections (before and after contact), the ignored cases of the same cell are counted too.
import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { CASE_KINDS, type CaseStage } from '~db/enums'
import {
  type CaseSlice,
  caseCounts,
  caseSlice,
  casesSummarised,
  periodUnits,
} from './case-summaries.server'
import { addCounts, binaryOrder, distinctKeysOfKinds, packed, sumCounts } from './cells.server'
import { periodTable } from './periods'
import {
  BREAKDOWN_LABELS,
  type Breakdown,
  percentCell,
  periodAndTotalRows,
  type ReportQuery,
} from './query'

export type AccuracyRow = {
  name: string
  /** Rejected cases: before contact + after contact. */
  opened: number
  beforeContact: number
  afterContact: number
  /** Ignored cases (not rejections: in no other column). */
  ignored: number
  decided: number
  upheld: number
  overturned: number
  open: number
  /** Imported from a CRM's history, not reviewed: no verdict, not in review either. */
  imported: number
  /** upheld / decided, or null when nothing was decided. */
  accuracy: number | null
}

/** Cases the committee can review: every case but those imported from a CRM and not taken up. */
export const NOT_IMPORTED = sql`c.status <> 'imported'`
/** The same, for an index without the status: the imported cases' ids, listed once. */
export const NOT_IMPORTED_BY_ID = sql`c.id NOT IN (
  SELECT i.id FROM cases i WHERE i.status = 'imported')`

/** A stage as SQL on cases `c` (docs/metrics.md, "Stage and hand-over"). */
export const STAGE_SQL: Record<CaseStage, SQL> = {
  before_contact: sql`c.kind = 'rejected' AND c.after_contact = 0`,
  after_contact: sql`c.kind = 'rejected' AND c.after_contact = 1`,
  ignored: sql`c.kind = 'ignored'`,
}

/** The case kinds a stage filter leaves: both, or the stage's own. */
export const kindsOf = (stage: CaseStage | undefined) =>
  stage === undefined
    ? (['rejected', 'ignored'] as const)
    : stage === 'ignored'
      ? (['ignored'] as const)
      : (['rejected'] as const)

/**
 * The report's filters as SQL on cases `c` (rep, reason, source, campaign, imported history,
 * stage, hand-over: a case is re-engaged when it opened on a re-engaged hand-over).
 * Imported cases (status 'imported': a CRM's rejections, not reviewed) are hidden by their
 * status where the covering index holds it (every cases_report_* index but the lead one); from
 * cases_report_lead_idx, which does not, pass `imported: 'by-id'`: their ids are listed once from
 * cases_review_idx (status, review_due_at, id) instead of reading each case's row.
 */
export function caseFilters(
  query: ReportQuery,
  { imported = 'by-status' }: { imported?: 'by-status' | 'by-id' } = {},
): SQL {
  const parts = [
    query.repId ? sql` AND c.rep_id = ${query.repId}` : sql``,
    query.reasonId ? sql` AND c.reason_id = ${query.reasonId}` : sql``,
    query.source ? sql` AND c.source = ${query.source}` : sql``,
    query.campaign ? sql` AND c.campaign = ${query.campaign}` : sql``,
    query.history === 'hidden'
      ? sql` AND ${imported === 'by-status' ? NOT_IMPORTED : NOT_IMPORTED_BY_ID}`
      : sql``,
    query.stage ? sql` AND ${STAGE_SQL[query.stage]}` : sql``,
    query.handOver ? sql` AND c.reengaged = ${query.handOver === 're_engaged' ? 1 : 0}` : sql``,
  ]
  return sql.join(parts, sql``)
}

/** Cases of every kind, listed, so that the (kind, opened_at, …) covering index serves. */
export const ANY_KIND = sql`c.kind IN (${sql.join(
  CASE_KINDS.map((kind) => sql`${kind}`),
  sql`, `,
)})`

type Counts = Omit<AccuracyRow, 'name' | 'accuracy'>
type Rejections = Omit<Counts, 'ignored'>
const REJECTIONS = packed<Rejections>({
  opened: sql`count(*)`,
  beforeContact: sql`count(*) FILTER (WHERE c.after_contact = 0)`,
  afterContact: sql`count(*) FILTER (WHERE c.after_contact = 1)`,
  decided: sql`count(c.verdict)`,
  upheld: sql`count(*) FILTER (WHERE c.verdict = 'does_not_meet')`,
  overturned: sql`count(*) FILTER (WHERE c.verdict = 'meets')`,
  open: sql`count(*) FILTER (WHERE c.status = 'in_review')`,
  imported: sql`count(*) FILTER (WHERE c.status = 'imported')`,
})
const zero = (): Counts => ({
  opened: 0,
  beforeContact: 0,
  afterContact: 0,
  ignored: 0,
  decided: 0,
  upheld: 0,
  overturned: 0,
  open: 0,
  imported: 0,
})

const withAccuracy = <T extends Counts>(row: T) => ({
  ...row,
  accuracy: row.decided > 0 ? row.upheld / row.decided : null,
})

/** Per breakdown: the cases column, the filter on it, and the name of a value `k.k`. */
const GROUPS: Record<Breakdown, { column: SQL; only: keyof ReportQuery; name: SQL }> = {
  rep: {
    column: sql`c.rep_id`,
    only: 'repId',
    name: sql`(SELECT u.name FROM users u WHERE u.id = keys.k)`,
  },
  reason: {
    column: sql`c.reason_id`,
    only: 'reasonId',
    name: sql`coalesce((SELECT r.label FROM reasons r WHERE r.id = keys.k), 'No reason')`,
  },
  source: { column: sql`c.source`, only: 'source', name: sql`coalesce(keys.k, 'No source')` },
  campaign: {
    column: sql`c.campaign`,
    only: 'campaign',
    name: sql`coalesce(keys.k, 'No campaign')`,
  },
}

export function accuracyReport(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  // One snapshot: whether the summaries are complete, and what they or the cases hold.
  return db.transaction((tx) => accuracyOf(tx, query, range, timeZone), { behavior: 'deferred' })
}

type Cell = { key: string | number | null; name: string; i: number; counts: Counts }

function accuracyOf(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
) {
  const { spans, periods } = periodTable(query.period, range, timeZone)
  const slice = casesSummarised(db, timeZone) ? caseSlice(query, query.by) : null
  const cells: Cell[] = slice
    ? summaryCells(db, query, slice, spans, timeZone)
    : rawCells(db, query, periods)
  const byPeriod = spans.map(zero)
  const byKey = new Map<string | number | null, Counts & { name: string }>()
  for (const { key, name, i, counts } of cells) {
    if (counts.opened === 0 && counts.ignored === 0) continue
    addCounts(byPeriod[i] as Counts, counts)
    const row = byKey.get(key) ?? { name, ...zero() }
    byKey.set(key, row)
    addCounts<Counts>(row, counts)
  }
  const total = sumCounts(byPeriod, zero())
  return {
    periods: byPeriod.map((row, i) => withAccuracy({ name: spans[i]?.label ?? '', ...row })),
    breakdown: [...byKey.values()]
      .sort((a, b) => b.decided - a.decided || binaryOrder(a.name, b.name))
      .map(withAccuracy),
    total: withAccuracy({ name: 'All', ...total }),
  }
}

/** The cells from the cases (the raw rows): one per period and value of the breakdown. */
function rawCells(db: Queryable, query: ReportQuery, periods: SQL): Cell[] {
  const group = GROUPS[query.by]
  const kinds = kindsOf(query.stage)
  // One cell per kind, each a range of the covering index (a `kind IN (…)` would not be one).
  const cell = (kind: 'rejected' | 'ignored', counts: SQL) =>
    (kinds as readonly string[]).includes(kind)
      ? sql`(
      SELECT ${counts} FROM cases c
      WHERE c.kind = ${kind} AND ${group.column} IS keys.k
        AND c.opened_at >= p.start AND c.opened_at < p.finish ${caseFilters(query)})`
      : sql`NULL`
  const cells = db.all<{
    key: string | number | null
    name: string
    i: number
    rejections: string | null
    ignored: number | null
  }>(sql`
    WITH RECURSIVE ${periods},
    ${distinctKeysOfKinds(group.column, kinds, query[group.only] || undefined)}
    SELECT keys.k AS key, ${group.name} AS name, p.i AS i,
      ${cell('rejected', REJECTIONS.sql)} AS rejections,
      ${cell('ignored', sql`count(*)`)} AS ignored
    FROM keys, periods p`)
  return cells.map(({ key, name, i, rejections, ignored }) => ({
    key,
    name,
    i,
    counts: {
      ...(rejections === null ? zero() : REJECTIONS.unpack(rejections)),
      ignored: ignored ?? 0,
    },
  }))
}

/**
 * The cells from the summaries, in the order of the raw cells (keys ascending, none last), so
 * that rows the sort leaves tied come out alike.
 */
function summaryCells(
  db: Queryable,
  query: ReportQuery,
  slice: CaseSlice,
  spans: readonly { start: number }[],
  timeZone: string,
): Cell[] {
  const units = periodUnits(query.period, spans, timeZone)
  const rows = caseCounts(db, query, slice, units, kindsOf(query.stage))
  const numeric = query.by === 'rep' || query.by === 'reason'
  const keyOf = (k: string) => (k === '' ? null : numeric ? Number(k) : k)
  const names = breakdownNames(db, query.by)
  const cells = new Map<string, Cell>()
  for (const row of rows) {
    const i = units.periodOf.get(row.t)
    if (i === undefined) continue
    const id = `${row.k}\u0000${i}`
    let cell = cells.get(id)
    if (!cell) {
      const key = keyOf(row.k)
      cell = { key, name: names(key), i, counts: zero() }
      cells.set(id, cell)
    }
    const counts = cell.counts
    if (row.kind === 'ignored') counts.ignored += row.n
    else {
      counts.opened += row.n
      if (row.afterContact) counts.afterContact += row.n
      else counts.beforeContact += row.n
      counts.decided += row.ruled
      counts.upheld += row.upheld
      counts.overturned += row.overturned
      counts.open += row.open
      if (row.imported) counts.imported += row.n
    }
  }
  // Keys ascending (numbers as numbers, names in binary order), none last; then periods.
  const keys = [...new Set([...cells.values()].map((cell) => cell.key))].sort((a, b) =>
    a === null
      ? 1
      : b === null
        ? -1
        : typeof a === 'number' && typeof b === 'number'
          ? a - b
          : binaryOrder(String(a), String(b)),
  )
  const rank = new Map(keys.map((key, i) => [key, i]))
  return [...cells.values()].sort(
    (a, b) => (rank.get(a.key) as number) - (rank.get(b.key) as number) || a.i - b.i,
  )
}

/** The name of a value of the breakdown, as the raw SQL names it. */
function breakdownNames(db: Queryable, by: Breakdown): (key: string | number | null) => string {
  if (by === 'rep') {
    const names = new Map(
      db
        .all<{ id: number; name: string }>(sql`SELECT id, name FROM users`)
        .map((u) => [u.id, u.name]),
    )
    return (key) => names.get(key as number) ?? ''
  }
  if (by === 'reason') {
    const labels = new Map(
      db
        .all<{ id: number; label: string }>(sql`SELECT id, label FROM reasons`)
        .map((r) => [r.id, r.label]),
    )
    return (key) => (key === null ? 'No reason' : (labels.get(key as number) ?? 'No reason'))
  }
  const none = by === 'source' ? 'No source' : 'No campaign'
  return (key) => (key === null ? none : String(key))
}

/** The accuracy report's numbers as CSV rows (a header, then each section), as the page shows them. */
export function accuracyCsvRows(
  report: ReturnType<typeof accuracyReport>,
  by: Breakdown,
): (string | number)[][] {
  const cells = (r: AccuracyRow) => [
    r.name,
    r.opened,
    r.beforeContact,
    r.afterContact,
    r.ignored,
    r.decided,
    r.upheld,
    r.overturned,
    r.open,
    r.imported,
    percentCell(r.accuracy),
  ]
  return [
    [
      'section',
      'name',
      'opened',
      'rejected_before_contact',
      'rejected_after_contact',
      'ignored',
      'decided',
      'upheld',
      'overturned',
      'open',
      'imported',
      'accuracy_percent',
    ],
    ...periodAndTotalRows(report, cells),
    ...report.breakdown.map((r) => [BREAKDOWN_LABELS[by], ...cells(r)]),
  ]
}
