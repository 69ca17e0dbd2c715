// The review section of the SLA report and the scorecard's rulings, from the `cases` summary
// family (decision 34; see case-summaries.server.ts). What depends on the time of asking (a
// case open past its review due time) is not summarised: those cases are few, read raw.
import { sql } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { ANY_KIND, caseFilters, NOT_IMPORTED } from './accuracy.server'
import {
  caseCounts,
  caseRulings,
  caseSlice,
  casesSummarised,
  periodUnits,
  reviewPercentiles,
} from './case-summaries.server'
import { periodTable } from './periods'
import type { ReportQuery } from './query'

export type ReviewCells = {
  name: string
  opened: number
  decided: number
  inTime: number
  openOverdue: number
  medianMs: number | null
  p90Ms: number | null
}[]

/**
 * The review section's figures per period from the summaries, or null when they cannot answer
 * (a rebuild under way, or a filter on a rep, reason, source or campaign).
 */
export function summarisedReview(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
  now: Date,
): ReviewCells | null {
  // The working times are kept under 'all' only: a rep, reason, source or campaign filter
  // reads the raw rows (few, under such a filter).
  const slice = casesSummarised(db, timeZone) ? caseSlice(query) : null
  if (slice?.dim !== 'all') return null
  const { spans, start, end } = periodTable(query.period, range, timeZone)
  const units = periodUnits(query.period, spans, timeZone)
  const rows = spans.map((span) => ({
    name: span.label,
    opened: 0,
    decided: 0,
    inTime: 0,
    openOverdue: 0,
  }))
  for (const cell of caseCounts(db, query, slice, units)) {
    const row = rows[units.periodOf.get(cell.t) ?? -1]
    if (!row || cell.imported) continue
    row.opened += cell.n
    row.decided += cell.reviewDecided
    row.inTime += cell.reviewInTime
  }
  // Open past their due time: few (cases_review_idx holds them by status and due time).
  const overdue = db.all<{ openedAt: number }>(sql`
    SELECT c.opened_at AS openedAt FROM cases c INDEXED BY cases_review_idx
    WHERE c.status = 'in_review' AND c.review_due_at < ${now.getTime()}
      AND ${ANY_KIND} AND ${NOT_IMPORTED}
      AND c.opened_at >= ${start} AND c.opened_at < ${end} ${caseFilters(query)}`)
  for (const { openedAt } of overdue) {
    const i = spans.findIndex((span) => openedAt >= span.start && openedAt < span.end)
    const row = rows[i]
    if (row) row.openOverdue++
  }
  const percentiles = reviewPercentiles(db, query, units)
  return rows.map((row, i) => ({
    ...row,
    medianMs: percentiles.get(i)?.medianMs ?? null,
    p90Ms: percentiles.get(i)?.p90Ms ?? null,
  }))
}

/**
 * The scorecard's rulings per rep from the summaries (rejections opened in the range: decided,
 * upheld, after contact; the reason filter does not apply), or null when they cannot answer.
 */
export function summarisedRulings(
  db: Queryable,
  query: ReportQuery,
  range: { from: string; to: string },
  timeZone: string,
): Map<number, { decided: number; upheld: number; afterContact: number }> | null {
  const slice = casesSummarised(db, timeZone) ? caseSlice(query, 'rep', ['reasonId']) : null
  if (!slice) return null
  const { spans } = periodTable(query.period, range, timeZone)
  const units = periodUnits(query.period, spans, timeZone)
  // The units are whole periods, one after another (periodUnits): lo to hi is the range.
  return new Map(
    caseRulings(db, query, slice, units).map((row) => [
      Number(row.k),
      { decided: row.ruled, upheld: row.upheld, afterContact: row.afterContact },
    ]),
  )
}
