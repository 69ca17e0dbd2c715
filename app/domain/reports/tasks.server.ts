// The report tasks the report pool's workers run (run-report.server.ts, report-worker.ts), by
// name: each report's figures for its page, and its CSV's rows. Inputs and results are plain
// data, copied between threads by structured clone (the Date `now` stays a Date).
import { computeVersionImpact, type ImpactInput } from '~/domain/definition/impact.server'
import type { DB } from '~db/connection'
import { accuracyCsvRows, accuracyReport } from './accuracy.server'
import { definitionCsvRows, definitionReport } from './definition.server'
import { hindsightCsvRows, hindsightReport } from './hindsight.server'
import type { ReportQuery } from './query'
import { repScorecard, scorecardCsvRows } from './scorecard.server'
import { slaCsvRows, slaReport } from './sla.server'
import { sourceQualityCsvRows, sourceQualityReport } from './source-quality.server'
import { verdictCsvRows, verdictReport } from './verdicts.server'

/** What every report task takes: the query, the checked range, the time zone, the time. */
export type ReportInput = {
  query: ReportQuery
  range: { from: string; to: string }
  timeZone: string
  now: Date
}

type Task = (db: DB, input: ReportInput) => unknown

const REPORTS = {
  accuracy: (db, i) => accuracyReport(db, i.query, i.range, i.timeZone),
  'accuracy.csv': (db, i) =>
    accuracyCsvRows(accuracyReport(db, i.query, i.range, i.timeZone), i.query.by),
  definition: (db, i) => definitionReport(db, i.query, i.range, i.timeZone),
  'definition.csv': (db, i) =>
    definitionCsvRows(definitionReport(db, i.query, i.range, i.timeZone)),
  hindsight: (db, i) => hindsightReport(db, i.query, i.range, i.timeZone),
  'hindsight.csv': (db, i) => hindsightCsvRows(hindsightReport(db, i.query, i.range, i.timeZone)),
  scorecard: (db, i) => repScorecard(db, i.query, i.range, i.timeZone, i.now),
  'scorecard.csv': (db, i) =>
    scorecardCsvRows(repScorecard(db, i.query, i.range, i.timeZone, i.now)),
  sla: (db, i) => slaReport(db, i.query, i.range, i.timeZone, i.now),
  'sla.csv': (db, i) => slaCsvRows(slaReport(db, i.query, i.range, i.timeZone, i.now)),
  sources: (db, i) => sourceQualityReport(db, i.query, i.range, i.timeZone),
  'sources.csv': (db, i) =>
    sourceQualityCsvRows(sourceQualityReport(db, i.query, i.range, i.timeZone)),
  verdicts: (db, i) => verdictReport(db, i.query, i.range, i.timeZone),
  'verdicts.csv': (db, i) => verdictCsvRows(verdictReport(db, i.query, i.range, i.timeZone)),
} satisfies Record<string, Task>

/** The reports, and the tasks with an input of their own: the impact of a definition version. */
export const REPORT_TASKS = {
  ...REPORTS,
  'definition.impact': (db: DB, i: ImpactInput) => computeVersionImpact(db, i),
}

export type ReportTask = keyof typeof REPORT_TASKS
export type ReportOutput<T extends ReportTask> = ReturnType<(typeof REPORT_TASKS)[T]>
export type TaskInput<T extends ReportTask> = Parameters<(typeof REPORT_TASKS)[T]>[1]
