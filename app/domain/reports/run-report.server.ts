// Reports run off the event loop (decision 20): their SQL takes up to seconds at a million leads,
// and a request that held the main thread that long would stall everyone else's. The report pool
// is a task pool (app/platform/task-pool.server.ts) of REPORT_WORKERS threads, each with a
// read-only connection on DATABASE_PATH, running the tasks of tasks.server.ts.
import { getEnv } from '~/platform/env.server'
import { BoundedMemo } from '~/platform/memo'
import {
  startTaskPool,
  type TaskOutcome,
  type TaskPoolOptions,
  taskPool,
} from '~/platform/task-pool.server'
import { databaseStamp, type Queryable } from '~db/connection'
import type { ReportInput, ReportOutput, ReportTask, TaskInput } from './tasks.server'

export type { ReportInput, ReportOutput, ReportTask, TaskInput }

/** What each report thread is handed: where the database is and how long to wait for a lock. */
export type ReportWorkerData = { databasePath: string; busyTimeoutMs: number }

const POOL = 'reports'

export const REPORT_TOO_SLOW =
  'This report took too long to prepare and was stopped. Choose a shorter date range, a longer period or narrower filters, and try again.'
export const REPORTS_BUSY = 'Too many reports are being prepared right now. Try again in a moment.'

function poolOptions(overrides: { size?: number; timeoutMs?: number } = {}): TaskPoolOptions {
  const env = getEnv()
  const timeoutMs = overrides.timeoutMs ?? env.REPORT_TIMEOUT_MS
  const workerData: ReportWorkerData = {
    databasePath: env.DATABASE_PATH,
    // A report thread waits for a lock no longer than its report may take.
    busyTimeoutMs: timeoutMs,
  }
  return {
    worker: { source: 'app/domain/reports/report-worker.ts', bundle: 'build/report-worker.js' },
    size: overrides.size ?? env.REPORT_WORKERS,
    timeoutMs,
    workerData,
  }
}

/**
 * Starts the report threads (the server does at start-up, so the first report does not wait
 * for them), with REPORT_WORKERS and REPORT_TIMEOUT_MS unless told otherwise; a pool already
 * running is replaced.
 */
export function startReportPool(overrides: { size?: number; timeoutMs?: number } = {}) {
  return startTaskPool(POOL, poolOptions(overrides))
}

/**
 * A report's figures or a CSV's rows, computed on a report thread; or why not: it took longer
 * than the time limit (the report then stops at its next query), or too many are waiting.
 */
export function runReportTask<T extends ReportTask>(task: T, input: TaskInput<T>) {
  return taskPool(POOL, poolOptions).run<ReportOutput<T>>(task, input)
}

const MINUTE = 60_000

/** The report pages' figures of late, by task, query, minute and database stamp. */
const remembered = new BoundedMemo<unknown>(64)

/** Whether a task's output is a page's figures (a CSV's rows, which can be long, are not kept). */
const remembers = (task: ReportTask) => !task.endsWith('.csv') && task !== 'definition.impact'

/**
 * runReportTask, remembering a report page's figures for the rest of the minute while nothing
 * is written to the database (decision 48): leadership's home asks for five reports on every
 * load, and a report page is often reloaded. The key holds the task, its input with `now` cut
 * to the minute, and databaseStamp(db), which moves on every commit by any connection; so a
 * remembered figure is never older than the last write, and a figure that depends on the time
 * alone (a running clock passing its due time) is at most a minute old.
 */
export async function runRememberedReportTask<T extends ReportTask>(
  db: Queryable,
  task: T,
  input: TaskInput<T>,
): Promise<TaskOutcome<ReportOutput<T>>> {
  if (!remembers(task)) return runReportTask(task, input)
  const { now, ...rest } = input as ReportInput
  const key = [
    task,
    databaseStamp(db),
    Math.floor(now.getTime() / MINUTE),
    JSON.stringify(rest),
  ].join('|')
  const known = remembered.get(key) as ReportOutput<T> | undefined
  if (known !== undefined) return { ok: true, value: known }
  const result = await runReportTask(task, input)
  if (result.ok) remembered.set(key, result.value)
  return result
}
