// The server: validates the environment, migrates the database, seeds the demo when asked,
// then serves the Remix app (server/http.ts; through Vite's middleware in development).
//
// With WEB_CONCURRENCY above 1 (one per core by default, production only) it runs as a cluster
// (decision 31): this process, the primary, prepares the database and seeds the demo once, forks
// the HTTP workers (server/cluster.ts), and runs the one job runner and the imports people start
// (a worker sends each to it); each worker serves HTTP with its own connection and report
// threads. With WEB_CONCURRENCY=1, and always in development, one process does everything.
import cluster from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '~/demo/seed.server'
import { runImport, runImportsElsewhere } from '~/domain/import/run.server'
import { CONSUMERS, periodicJobs, resumeInterruptedImports } from '~/domain/jobs.server'
import { issueSetupToken, needsSetup } from '~/domain/people/setup.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { startReportPool } from '~/domain/reports/run-report.server'
import { getDb } from '~/platform/db.server'
import { EnvError, getEnv } from '~/platform/env.server'
import { onEventAppended } from '~/platform/events/outbox.server'
import { startRunner } from '~/platform/jobs/runner.server'
import { stopTaskPools } from '~/platform/task-pool.server'
import type { DB } from '~db/connection'
import {
  eventsNotifier,
  importStarted,
  importStartedOf,
  isEventsAppended,
  listenError,
  superviseWorkers,
} from './cluster'
import { startHttp } from './http'

function loadEnv() {
  try {
    return getEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}

/** Runs `stop` once, on the first SIGTERM or SIGINT (Ctrl-C sends it to every process). */
function onSignals(stop: () => Promise<void>) {
  let stopping = false
  const once = () => {
    if (stopping) return
    stopping = true
    void stop()
  }
  process.on('SIGTERM', once)
  process.on('SIGINT', once)
}

const env = loadEnv()

if (cluster.isWorker) await serveAsWorker()
else await serveAsPrimary()

/** A cluster's worker: HTTP only. Migrations, the demo and the jobs are the primary's. */
async function serveAsWorker() {
  const db = getDb()
  // The report threads (decision 20) start with the worker, so the first report does not wait
  // for them; each opens its read-only connection on its first report.
  startReportPool()
  const http = await startHttp(env)
  // The runner is in the primary: events appended here wake it through the IPC channel.
  // (Not once the channel has closed: the primary is gone, and this worker is exiting.)
  onEventAppended(
    eventsNotifier((message) => {
      if (process.connected) process.send?.(message)
    }),
  )
  // Imports run in the primary, beside the jobs: one outlives the worker that started it. With
  // the channel closed (the primary gone), it stays 'running' and resumes at the next start.
  runImportsElsewhere((jobId) => {
    if (process.connected) process.send?.(importStarted(jobId))
  })
  onSignals(async () => {
    await http.close()
    await stopTaskPools()
    db.$client.close()
    process.exit(0)
  })
}

/** The process `node build/server.js` starts: alone, or the cluster's primary. */
async function serveAsPrimary() {
  const db = getDb()
  const { sealed } = prepareDatabase(db)
  if (sealed > 0) console.log(`Sealed ${sealed} audit entries into the hash chain.`)
  const seeded = env.DEMO_MODE ? await seedDemo(db, new Date()) : false
  // Imports that were running when the server last stopped carry on from their last batch, in
  // this process (the primary of a cluster: no worker has started yet).
  resumeInterruptedImports(db)

  if (env.WEB_CONCURRENCY === 1) {
    startReportPool()
    const http = await startHttp(env)
    const runner = startJobs(db)
    announce(db, seeded, 'one process')
    onSignals(async () => {
      await http.close()
      await runner.stop()
      await stopTaskPools()
      db.$client.close()
      process.exit(0)
    })
    return
  }

  const taken = await listenError(env.PORT, env.HOST)
  if (taken) {
    console.error(`Cannot listen on ${env.HOST}:${env.PORT}: ${taken.message}`)
    db.$client.close()
    process.exit(1)
  }
  let runner: ReturnType<typeof startJobs> | undefined
  let stopped = false
  const workers = superviseWorkers({
    count: env.WEB_CONCURRENCY,
    // This file (build/server.js), whatever started it (npm start's launcher, npm run serve).
    exec: fileURLToPath(import.meta.url),
    onMessage: (message) => {
      if (isEventsAppended(message)) runner?.wake()
      const jobId = importStartedOf(message)
      // An import that fails is marked failed by runImport; one that cannot even be marked must
      // not take the primary, and with it every worker, down. It resumes at the next start.
      if (jobId !== null && !stopped)
        runImport(db, jobId).catch((error) =>
          console.error(`Import ${jobId} stopped: ${(error as Error).message}`),
        )
    },
    // Imports run here only, so one left "running" when a worker dies is not running anywhere
    // (say its "import started" message was lost with it): it carries on here, from its last
    // batch (runImport skips one this process already runs).
    onWorkerDied: () => {
      if (!stopped) resumeInterruptedImports(db)
    },
    onGiveUp: () => void shutdown(1),
  })
  async function shutdown(code: number) {
    if (stopped) return
    stopped = true
    await workers.stop()
    await runner?.stop()
    await stopTaskPools()
    db.$client.close()
    process.exit(code)
  }
  onSignals(() => shutdown(0))
  await workers.ready
  if (stopped) return
  runner = startJobs(db)
  announce(
    db,
    seeded,
    `${env.WEB_CONCURRENCY} worker processes (pids ${workers.pids().join(', ')})`,
  )
}

/**
 * The job runner, in exactly one process: the sweep (every SWEEP_INTERVAL_SECONDS), the hourly
 * purge of idle sessions and old sign-in attempts, e-mail, webhooks, the API's batches and the
 * outbox's consumers (notifications), each a short batch at a time with a yield between batches.
 */
function startJobs(db: DB) {
  const runner = startRunner({
    db,
    jobs: periodicJobs(env.SWEEP_INTERVAL_SECONDS),
    consumers: CONSUMERS,
  })
  console.log(`The job runner runs in process ${process.pid}.`)
  return runner
}

function announce(db: DB, seeded: boolean, serving: string) {
  const url = `http://localhost:${env.PORT}`
  console.log(`Leadcourt is running at ${url} (database: ${env.DATABASE_PATH}; ${serving})`)
  if (seeded) console.log('Seeded the Brightline Systems demo data.')
  if (env.DEMO_MODE && !needsSetup(db)) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}" for all):`)
    for (const user of DEMO_USERS) {
      console.log(
        `  ${user.email.padEnd(24)} ${user.roles.join(', ')}${user.seat ? ` (${user.seat} seat${user.isChair ? ', chair' : ''})` : ''}`,
      )
    }
  }
  if (needsSetup(db)) {
    const token = issueSetupToken(db, new Date())
    console.log(`No accounts yet. Create the first admin at ${url}/setup?token=${token}`)
  }
}
