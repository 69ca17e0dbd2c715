// Issue 17's review: every answer under /api/ is a problem. Express's refusals before Remix
// (server/refusals.ts), on a small Express app served on 127.0.0.1 as server/main.ts mounts
// them: the origin check, then the method check, then every path to the app (here a stand-in
// that says it was reached). curl sends no Origin: a POST to the API without a token must reach
// the route (its 401 problem), while the browser's routes stay behind the origin check.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CROSS_SITE_REFUSAL, methodCheck, originCheck } from '../../server/refusals'

let server: Server
let url: string

beforeAll(async () => {
  const app = express()
  app.use(originCheck)
  app.use(methodCheck)
  app.all('*', (req, res) => {
    res.type('text/plain').send(`the route: ${req.method} ${req.path}`)
  })
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method, headers })

describe('the origin check before Remix', () => {
  it('lets any request under /api/ reach its route: no Origin, another site’s, with or without a token', async () => {
    const cases: Record<string, string>[] = [
      {},
      { Origin: 'https://crm.example' },
      { Origin: 'null' },
      { Authorization: 'Bearer lc_x', Origin: 'https://crm.example' },
    ]
    for (const headers of cases) {
      const answer = await send('POST', '/api/v1/leads', headers)
      expect(answer.status, JSON.stringify(headers)).toBe(200)
      expect(await answer.text()).toBe('the route: POST /api/v1/leads')
    }
    expect((await send('POST', '/api/v1/no/such/thing')).status).toBe(200)
  })

  it('still refuses the browser’s routes a POST from another site or with no origin, token or not', async () => {
    for (const [path, headers] of [
      ['/sign-in', {}],
      ['/admin/api-tokens', { Origin: 'https://evil.test' }],
      ['/admin/api-tokens', { Authorization: 'Bearer lc_x', Origin: 'https://evil.test' }],
      ['/apix', { Authorization: 'Bearer lc_x' }],
    ] as const) {
      const answer = await send('POST', path, headers)
      expect(answer.status, path).toBe(403)
      expect(answer.headers.get('Content-Type')).toMatch(/^text\/plain/)
      expect(await answer.text()).toBe(CROSS_SITE_REFUSAL)
    }
    expect((await send('POST', '/sign-in', { Origin: url })).status).toBe(200)
  })
})

describe('the method check before Remix', () => {
  it('answers PUT, PATCH and DELETE under /api/ with a 405 problem and Allow', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const answer = await send(method, '/api/v1/leads/7', { Authorization: 'Bearer lc_x' })
      expect(answer.status, method).toBe(405)
      expect(answer.headers.get('Allow')).toBe('GET, HEAD, POST')
      expect(answer.headers.get('Content-Type')).toBe('application/problem+json')
      expect(await answer.json()).toEqual({
        type: '/api/problems/method-not-allowed',
        title: 'Method Not Allowed',
        status: 405,
        detail: `${method} is not allowed here; use GET, HEAD, POST.`,
      })
    }
  })

  it('answers them elsewhere with the browser’s plain 405 and Allow', async () => {
    const answer = await send('PUT', '/leads/7', { Origin: url })
    expect(answer.status).toBe(405)
    expect(answer.headers.get('Allow')).toBe('GET, HEAD, POST')
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await answer.text()).toBe('PUT is not allowed here; use GET, HEAD, POST.')
  })
})
