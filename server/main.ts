// The HTTP server: validates the environment, migrates the database, seeds the demo when
// asked, then serves the Remix app (through Vite's middleware in development).

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '~/demo/seed.server'
import { CONSUMERS, periodicJobs, resumeInterruptedImports } from '~/domain/jobs.server'
import { issueSetupToken, needsSetup } from '~/domain/people/setup.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { startReportPool } from '~/domain/reports/run-report.server'
import { getDb } from '~/platform/db.server'
import { EnvError, getEnv } from '~/platform/env.server'
import { startRunner } from '~/platform/jobs/runner.server'
import { stopTaskPools } from '~/platform/task-pool.server'
import { clientErrors } from './client-errors'
import { methodCheck, originCheck } from './refusals'
import { cspNonceOf, securityHeaders } from './security-headers'

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

const env = loadEnv()
const db = getDb()
const { sealed } = prepareDatabase(db)
if (sealed > 0) console.log(`Sealed ${sealed} audit entries into the hash chain.`)
const seeded = env.DEMO_MODE ? await seedDemo(db, new Date()) : false
// Imports that were running when the server last stopped carry on from their last batch.
resumeInterruptedImports(db)

// The report threads (decision 20) start with the server, so the first report does not wait for
// them; each opens its read-only connection on its first report.
startReportPool()

const viteDevServer =
  env.NODE_ENV === 'development'
    ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
    : undefined

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', env.TRUST_PROXY)
// First, so that every response carries them: pages, CSVs, static files, errors, refusals.
app.use(securityHeaders({ development: Boolean(viteDevServer), https: env.COOKIE_SECURE }))
app.use(compression())
if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/client', { maxAge: '1h' }))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(pathToFileURL(resolve('build/server/index.js')).href)) as ServerBuild)

// Every state-changing request from another site is refused before it reaches a route; the
// route guards check the same rule again, so no action depends on this layer alone. A request
// under /api/ is not a browser's: it passes, and the API's own guard wants a token and never
// reads the cookie (decisions 27, 28). A method no route answers is refused with its Allow
// header; under /api/ as a problem (server/refusals.ts).
app.use(originCheck)
app.use(methodCheck)

app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      now: () => new Date(),
      cspNonce: cspNonceOf(res),
    }),
  }),
)
// A malformed address, or another error of the client's met before Remix: a quiet 4xx.
app.use(clientErrors)

// The job runner starts once the server listens: the sweep (every SWEEP_INTERVAL_SECONDS),
// the hourly purge of idle sessions and old sign-in attempts, and the outbox's consumers
// (notifications), each a short batch at a time with a yield between batches.
let runner: ReturnType<typeof startRunner> | undefined

const server = app.listen(env.PORT, env.HOST, () => {
  runner = startRunner({ db, jobs: periodicJobs(env.SWEEP_INTERVAL_SECONDS), consumers: CONSUMERS })
  const url = `http://localhost:${env.PORT}`
  console.log(`Leadcourt is running at ${url} (database: ${env.DATABASE_PATH})`)
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
})

function shutdown() {
  server.close(async () => {
    await runner?.stop()
    await stopTaskPools()
    db.$client.close()
    process.exit(0)
  })
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
