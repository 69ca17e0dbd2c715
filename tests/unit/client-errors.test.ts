// The probe of issue 14 sent `/%E0%A4%A` and got Express's 400 with a stack trace in the log for
// each request: errors that are the client's are answered quietly, the rest still reach Express.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { clientErrors } from '../../server/client-errors'

const dir = mkdtempSync(`${tmpdir()}/leadcourt-client-errors-`)
let server: Server
let url: string

beforeAll(async () => {
  const app = express()
  // Express logs the errors it handles except in its 'test' environment.
  app.set('env', 'production')
  app.use(express.static(dir))
  app.get('/too-large', (_req, _res, next) =>
    next(Object.assign(new Error('big'), { status: 413 })),
  )
  app.get('/bug', () => {
    throw new Error('a real fault')
  })
  // As server/main.ts hands every path to Remix: Express decodes the path's parameter first.
  app.all('*', (_req, res) => {
    res.send('the app')
  })
  app.use(clientErrors)
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('errors of the client, before Remix', () => {
  it('are answered with their 4xx in a sentence and not logged; a fault of the server still is', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const malformed = await fetch(`${url}/%E0%A4%A`)
      expect(malformed.status).toBe(400)
      expect(await malformed.text()).toBe('The address or the request is malformed.')
      const large = await fetch(`${url}/too-large`)
      expect(large.status).toBe(413)
      expect(await large.text()).toBe('The request is too large.')
      const bug = await fetch(`${url}/bug`)
      expect(bug.status).toBe(500)
      // Express logs an error just after answering, in order: once the fault is logged, a log
      // of the client's errors would have come before it.
      await vi.waitFor(() => expect(logged).toHaveBeenCalled())
      expect(logged.mock.calls.map((call) => String(call[0]).split('\n')[0])).toEqual([
        'Error: a real fault',
      ])
    } finally {
      logged.mockRestore()
    }
  })
})
