// The HTTP side of the server: Express with the security headers, the static files, the
// refusals before Remix and the Remix handler (through Vite's middleware in development). One
// process serves it alone, or each worker of the cluster does (decision 31).
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import type { getEnv } from '~/platform/env.server'
import { clientErrors } from './client-errors'
import { methodCheck, originCheck } from './refusals'
import { cspNonceOf, securityHeaders } from './security-headers'

type Env = ReturnType<typeof getEnv>

export type HttpServer = {
  server: Server
  /** Stops taking connections and resolves once the requests in flight are answered. */
  close: () => Promise<void>
}

/** Starts serving on PORT and HOST; resolves once the server listens. */
export async function startHttp(env: Env): Promise<HttpServer> {
  const viteDevServer =
    env.NODE_ENV === 'development'
      ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
      : undefined

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  // Which process answered, when asked for (the cluster's test, diagnosing a worker).
  if (env.EXPOSE_PROCESS_ID)
    app.use((_req, res, next) => {
      res.setHeader('X-Leadcourt-Process', String(process.pid))
      next()
    })
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

  const server = await new Promise<Server>((done, fail) => {
    const listening = app.listen(env.PORT, env.HOST, () => done(listening))
    listening.once('error', fail)
  })
  return {
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        // Idle keep-alive connections would hold the close up until their timeout.
        server.closeIdleConnections()
      }),
  }
}
