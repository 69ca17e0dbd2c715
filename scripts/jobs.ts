// `npm run jobs [-- --watch]`: runs the app's background work on DATABASE_PATH by hand. Once:
// every periodic job (the reminders, the sweep, the purge, the deletion of uploads not imported within 24
// hours) until it has nothing left to do, then every event waiting in the outbox to its
// consumers (notifications), and exits. With --watch it keeps
// running the same loop as the server's. Safe beside the server: every batch is one short
// immediate transaction, and a consumer's progress is recorded in the transaction that
// handles its events, so no event reaches a consumer twice.
// Interrupted imports are resumed by the server at start only.

import { parseArgs } from 'node:util'
import { CONSUMERS, drainEvents, periodicJobs } from '~/domain/jobs.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { runJobsOnce, startRunner } from '~/platform/jobs/runner.server'

const { values: args } = parseArgs({ options: { watch: { type: 'boolean', default: false } } })
const db = getDb()
prepareDatabase(db)
const env = getEnv()

if (args.watch) {
  const runner = startRunner({
    db,
    jobs: periodicJobs(env.SWEEP_INTERVAL_SECONDS || 60),
    consumers: CONSUMERS,
    keepAlive: true,
  })
  console.log(`Running the jobs on ${env.DATABASE_PATH} until stopped.`)
  const stop = async () => {
    await runner.stop()
    db.$client.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} else {
  const done = await runJobsOnce(db, periodicJobs(1), () => new Date())
  const handled = drainEvents(db, new Date())
  console.log(
    `Jobs on ${env.DATABASE_PATH}: reminded ${done.reminders} clock(s) near their end; ` +
      `sweep opened ${done.sweep} ignored case(s); purge ran; ` +
      `uploads: deleted ${done.uploads} not imported within 24 hours; ` +
      `events handled: ${Object.entries(handled)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}.`,
  )
  db.$client.close()
}
