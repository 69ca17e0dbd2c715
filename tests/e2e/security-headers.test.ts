// Finding 5 of issue 14: the production build sends its security headers on every kind of
// response, and its pages, charts and forms work under the Content-Security-Policy: a leader
// and a rep walk them in Chromium and the browser reports no violation.
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, navigate, signedIn, signOut } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

/** The CSP's directives by name. */
function directives(csp: string | null | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  )
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = directives(headers['content-security-policy'])
  expect(csp['script-src'], what).toEqual(["'self'", expect.stringMatching(/^'nonce-/)])
  expect(csp['frame-ancestors'], what).toEqual(["'none'"])
  expect(headers['x-frame-options'], what).toBe('DENY')
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('same-origin')
  expect(headers['permissions-policy'], what).toContain('camera=()')
  // startApp runs the build as production does, with Secure cookies.
  expect(headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains')
}

/** What the browser reports: CSP violations and console errors, on every page of the context. */
async function watch(context: BrowserContext) {
  const violations: string[] = []
  const errors: string[] = []
  await context.exposeBinding('__reportViolation', (_source, text: string) => {
    violations.push(text)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void })
        .__reportViolation
      report(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.documentURI}`)
    })
  })
  context.on('console', (message) => {
    // Errors, and the warnings Chromium gives for a header it cannot read.
    if (message.type() === 'error' || /Policy/.test(message.text())) errors.push(message.text())
  })
  context.on('weberror', (error) => errors.push(String(error.error())))
  return { violations, errors }
}

async function signedInAndWatched(email: string) {
  const context = await e2e.browser.newContext()
  const seen = await watch(context)
  const page = await context.newPage()
  await page.goto(`${e2e.app.url}/sign-in`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor()
  return { page, ...seen }
}

/** Every script in the page carries the nonce of the response's CSP. */
async function expectScriptsCarryNonce(page: Page, csp: string) {
  const nonce = (directives(csp)['script-src']?.[1] ?? '').slice("'nonce-".length, -1)
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script')].map((s) => ({ nonce: s.nonce, src: s.src })),
  )
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) expect(script.nonce, script.src).toBe(nonce)
}

describe('security headers on the production build', () => {
  it('are on a page, a CSV, a static file, a 404 and the same-origin refusal', async () => {
    const felix = await signedIn(e2e.browser, e2e.app.url, 'felix@brightline.test')
    const request = felix.context().request
    const page = await request.get(`${e2e.app.url}/reports/accuracy`)
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8')
    expectSecurityHeaders(page.headers(), 'page')
    const html = await page.text()
    const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0]
    expect(asset).toBeDefined()

    const responses = {
      csv: await request.get(`${e2e.app.url}/reports/sources.csv`),
      asset: await request.get(`${e2e.app.url}${asset}`),
      stylesheet: await request.get(`${e2e.app.url}${html.match(/\/assets\/[\w.-]+\.css/)?.[0]}`),
      notFound: await request.get(`${e2e.app.url}/no-such-page`),
      refused: await request.post(`${e2e.app.url}/sign-out`, {
        headers: { Origin: 'https://evil.test' },
      }),
    }
    expect(responses.csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    expect(responses.asset.status()).toBe(200)
    expect(responses.stylesheet.status()).toBe(200)
    expect(responses.notFound.status()).toBe(404)
    expect(responses.refused.status()).toBe(403)
    expect(await responses.refused.text()).toBe(
      'This request came from another site and was refused.',
    )
    for (const [what, response] of Object.entries(responses))
      expectSecurityHeaders(response.headers(), what)

    // Each response has its own nonce.
    const again = await request.get(`${e2e.app.url}/reports/accuracy`)
    expect(directives(again.headers()['content-security-policy'])['script-src']?.[1]).not.toBe(
      directives(page.headers()['content-security-policy'])['script-src']?.[1],
    )
  })
})

describe('the pages work under the policy', () => {
  it('a leader opens reports with charts, applies a filter, opens a lead and a case, and signs out', async () => {
    const { page, violations, errors } = await signedInAndWatched('felix@brightline.test')
    const response = await page.goto(`${e2e.app.url}/reports/accuracy`)
    await expectScriptsCarryNonce(page, response?.headers()['content-security-policy'] ?? '')
    await page.getByRole('heading', { name: 'Rejection accuracy', level: 1 }).waitFor()
    // The chart is drawn in the browser: Recharts measures its container, then renders bars.
    await page.locator('.recharts-surface').first().waitFor()
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0)

    // The filter form is submitted by Remix's client-side navigation.
    await page.getByLabel('Period', { exact: true }).selectOption('quarter')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/period=quarter/)
    await page
      .getByRole('table', { name: 'Rejection accuracy by period' })
      .getByRole('row', { name: /^\d{4} Q[1-4]/ })
      .first()
      .waitFor()
    await page.locator('.recharts-surface').first().waitFor()

    for (const [path, title] of [
      ['/reports/sla', 'Service levels'],
      ['/reports/hindsight', 'Hindsight'],
    ] as const) {
      await page.goto(`${e2e.app.url}${path}`)
      await page.getByRole('heading', { name: title, level: 1 }).waitFor()
      await page.locator('.recharts-surface').first().waitFor()
    }

    await page.goto(`${e2e.app.url}/leads`)
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor()
    await page.locator('a[href^="/leads/"]').first().click()
    await page.waitForURL(/\/leads\/\d+$/)
    await page.goto(`${e2e.app.url}/cases`)
    await page.locator('a[href^="/cases/"]').first().click()
    await page.getByRole('heading', { name: /^Case \d+:/ }).waitFor()
    await signOut(page)

    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })

  it('a rep works a lead (a form), opens a case file, and signs out', async () => {
    const { page, violations, errors } = await signedInAndWatched('dana@brightline.test')
    await page.getByRole('heading', { name: 'Your queue' }).waitFor()
    const queue = page.getByRole('table', { name: /waiting for you/ })
    const lead = queue.getByRole('link').first()
    const leadName = (await lead.textContent()) as string
    await lead.click()
    await page.getByRole('heading', { name: leadName }).waitFor()
    await page.getByLabel('Channel').selectOption('email')
    await page.getByLabel('Note', { exact: true }).fill('Sent the pricing sheet')
    await page.getByRole('button', { name: 'Log contact attempt' }).click()
    await page.getByText('Contact attempt logged.').waitFor()

    await navigate(page, 'Cases', 'Court')
    await page.locator('a[href^="/cases/"]').first().click()
    await page.getByRole('heading', { name: /^Case \d+:/ }).waitFor()
    await page.goto(`${e2e.app.url}/reports/scorecard`)
    await page.getByRole('heading', { name: 'Your scorecard', level: 1 }).waitFor()
    await signOut(page)

    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })
})
