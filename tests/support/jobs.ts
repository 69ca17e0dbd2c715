// The job runner's work for a test, at a pinned time: hands every waiting event to its
// consumers (notifications are written after the change commits, not by the use case).
import { drainEvents } from '~/domain/jobs.server'
import type { JobRun, PeriodicJob } from '~/platform/jobs/runner.server'
import type { DB } from '~db/connection'

export function runJobs(db: DB, now: Date) {
  return drainEvents(db, now)
}

/** One run of a synchronous periodic job (the network jobs return a Promise: not these). */
export function runOnce(job: PeriodicJob | undefined, db: DB, now: Date): JobRun {
  if (!job) throw new Error('No such job')
  const run = job.run(db, now, () => now)
  if (run instanceof Promise) throw new Error(`The ${job.name} job is not synchronous`)
  return run
}
