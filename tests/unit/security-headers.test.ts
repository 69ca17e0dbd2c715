// Finding 5 of issue 14: responses carried no security headers. The middleware of
// server/security-headers.ts, on a small Express app served on 127.0.0.1, as server/main.ts
// mounts it: first, before the static files, the routes and the 404.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspNonceOf, PERMISSIONS_POLICY, securityHeaders } from '../../server/security-headers'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-headers-'))
writeFileSync(join(dir, 'app.js'), 'console.log(1)')

type Served = { url: string; server: Server }

async function serve(options: Parameters<typeof securityHeaders>[0]): Promise<Served> {
  const app = express()
  app.use(securityHeaders(options))
  app.use('/assets', express.static(dir))
  app.get('/page', (_req, res) => {
    res.type('html').send(`<script nonce="${cspNonceOf(res)}">1</script>`)
  })
  app.get('/report.csv', (_req, res) => {
    res.type('text/csv').send('a,b\n')
  })
  app.post('/refused', (_req, res) => {
    res.status(403).type('text/plain').send('refused')
  })
  // As Remix answers an unknown path (server/main.ts sends every path to it).
  app.use((_req, res) => {
    res.status(404).type('html').send('Page not found')
  })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

let production: Served
let https: Served
let development: Served
beforeAll(async () => {
  production = await serve({ development: false, https: false })
  https = await serve({ development: false, https: true })
  development = await serve({ development: true, https: false })
})
afterAll(async () => {
  for (const { server } of [production, https, development])
    await new Promise((r) => server?.close(r))
  rmSync(dir, { recursive: true, force: true })
})

/** The CSP's directives by name. */
function directives(response: Response): Record<string, string[]> {
  const csp = response.headers.get('Content-Security-Policy') ?? ''
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  )
}

const PATHS = [
  ['an HTML page', 'GET', '/page', 200],
  ['a CSV', 'GET', '/report.csv', 200],
  ['a static file', 'GET', '/assets/app.js', 200],
  ['a 404', 'GET', '/nothing-here', 404],
  ['a 403', 'POST', '/refused', 403],
] as const

describe('security headers', () => {
  it.each(PATHS)('are on %s', async (_, method, path, status) => {
    const response = await fetch(`${production.url}${path}`, { method })
    expect(response.status).toBe(status)
    const csp = directives(response)
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-[\w+/]{22}==/)])
    expect(csp['script-src-attr']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
    expect(response.headers.get('Permissions-Policy')).toBe(PERMISSIONS_POLICY)
    expect(response.headers.get('Strict-Transport-Security')).toBeNull()
  })

  it('denies the camera, microphone, geolocation and the rest', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`)
  })

  it("gives each response its own nonce, the one the page's scripts carry", async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${production.url}/page`)
      const nonce = (directives(response)['script-src']?.[1] ?? '').slice("'nonce-".length, -1)
      expect(await response.text()).toBe(`<script nonce="${nonce}">1</script>`)
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(3)
  })

  it('allows no inline script outside development', async () => {
    const csp = directives(await fetch(`${production.url}/page`))
    expect(csp['script-src']).not.toContain("'unsafe-inline'")
    expect(csp['script-src']).not.toContain("'unsafe-eval'")
    expect(csp['style-src']?.[0]).toBe("'self'")
    expect(csp['style-src']).not.toContain("'unsafe-inline'")
  })

  it('sends HSTS only when the site is served over HTTPS (Secure cookies)', async () => {
    const response = await fetch(`${https.url}/page`)
    expect(response.headers.get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })

  it("relaxes scripts in development only, for Vite's client and its websocket", async () => {
    const csp = directives(await fetch(`${development.url}/page`))
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"])
    expect(csp['connect-src']).toEqual(["'self'", 'ws:', 'wss:'])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
  })
})
