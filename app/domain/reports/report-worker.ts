// The report pool's worker (decision 20): one read-only connection on the app's database per
// thread, opened on its first task, and the report tasks by name. Run from source through tsx,
// or from build/report-worker.js, its esbuild bundle (package.json's build script).
import { workerData } from 'node:worker_threads'
import { taskHandler } from '~/platform/task-worker.server'
import { openReadOnlyDatabase } from '~db/connection'
import type { ReportWorkerData } from './run-report.server'
import { REPORT_TASKS } from './tasks.server'

const { databasePath, busyTimeoutMs } = workerData as ReportWorkerData

// A report past its time limit stops at its next query (its caller already has a 503).
export default taskHandler(
  (clock) => openReadOnlyDatabase(databasePath, { busyTimeoutMs, beforeStatement: clock.check }),
  REPORT_TASKS,
)
