// What a report's CSV is named (decision 38): the report, its periods, its range and its
// filters by name ("scorecard-2026-01-01-to-2026-12-31-dana-reyes.csv"), through the one
// namer of CSV files (`csvFileName`).
import { eq } from 'drizzle-orm'
import { csvFileName } from '~/platform/csv'
import type { Queryable } from '~db/connection'
import { reasons, users } from '~db/schema'
import { HAND_OVER_LABELS, type ReportQuery, STAGE_LABELS } from './query'

/** A report's CSV in words, as its file name says it: "scorecard", "rejection accuracy". */
const REPORT_FILE_WORDS: Record<string, string> = {
  accuracy: 'rejection accuracy',
  definition: 'definition hindsight',
  hindsight: 'hindsight',
  scorecard: 'scorecard',
  sla: 'service levels',
  sources: 'source quality',
  verdicts: 'verdicts',
}

/** The names of the filters given by id (the rep's name, the reason's label), for the file name. */
type FilterNames = { rep?: string | null; reason?: string | null }

/**
 * The parts of a report CSV's file name (named by `csvFileName`): the report, the periods
 * unless monthly (the default), the range and each filter by its name, e.g. "scorecard",
 * "2026-01-01", "to", "2026-12-31", "Dana Reyes".
 */
export function reportFileParts(
  report: string,
  query: ReportQuery,
  range: { from: string; to: string },
  names: FilterNames = {},
): (string | null)[] {
  return [
    REPORT_FILE_WORDS[report] ?? report,
    query.period === 'month' ? null : `${query.period}ly`,
    range.from,
    'to',
    range.to,
    query.repId ? (names.rep ?? `rep ${query.repId}`) : null,
    query.reasonId ? (names.reason ?? `reason ${query.reasonId}`) : null,
    query.source ?? null,
    query.campaign ?? null,
    query.stage ? STAGE_LABELS[query.stage] : null,
    query.handOver ? `${HAND_OVER_LABELS[query.handOver]} hand-overs` : null,
    query.history === 'hidden' ? 'without imported history' : null,
  ]
}

/** A report CSV's file name, its filters given by id looked up by name. */
export function reportFileName(
  db: Queryable,
  report: string,
  query: ReportQuery,
  range: { from: string; to: string },
): string {
  const rep = query.repId
    ? db.select({ name: users.name }).from(users).where(eq(users.id, query.repId)).get()?.name
    : null
  const reason = query.reasonId
    ? db.select({ label: reasons.label }).from(reasons).where(eq(reasons.id, query.reasonId)).get()
        ?.label
    : null
  return csvFileName(...reportFileParts(report, query, range, { rep, reason }))
}
