// The job runner's work for a test, at a pinned time: hands every waiting event to its
// consumers (notifications are written after the change commits, not by the use case).
import { drainEvents } from '~/domain/jobs.server'
import type { DB } from '~db/connection'

export function runJobs(db: DB, now: Date) {
  return drainEvents(db, now)
}
