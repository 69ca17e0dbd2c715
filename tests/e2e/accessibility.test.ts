// Every page each role reaches from its home, at a desktop's size and a phone's, scanned by
// axe-core (decision 47). A serious or critical violation, or a page wider than the screen,
// fails the role's test and is listed with its elements.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { type Finding, linksOn, routeShape, scan } from './axe'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]

const ROLES = [
  { role: 'signed out', email: undefined },
  { role: 'rep', email: 'dana@brightline.test' },
  { role: 'marketer', email: 'maya@brightline.test' },
  { role: 'committee', email: 'victor@brightline.test' },
  { role: 'leadership', email: 'felix@brightline.test' },
  { role: 'admin', email: 'sasha@brightline.test' },
]

/** At most this many route shapes a role: the walk stops there (every role reaches fewer). */
const MOST_PAGES = 60

/**
 * Walks the role's pages breadth first from its home (or the sign-in page), one per route shape,
 * and scans each at both sizes. A page that answers 4xx is not scanned: a link the role may
 * follow but not open is another test's (roles.test.ts).
 */
async function walk(page: Page, start: string) {
  const origin = e2e.app.url
  const seen = new Set([routeShape(start)])
  const queue = [start]
  const failing: Finding[] = []
  let minor = 0
  let pages = 0
  while (queue.length > 0 && pages < MOST_PAGES) {
    const path = queue.shift() as string
    const response = await page.goto(`${origin}${path}`)
    if (!response || response.status() >= 400) continue
    await page.waitForLoadState('networkidle')
    pages += 1
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      const found = await scan(page, path, viewport.name)
      failing.push(...found.failing)
      minor += found.minor.length
    }
    for (const link of await linksOn(page, origin)) {
      const shape = routeShape(link)
      if (seen.has(shape)) continue
      seen.add(shape)
      queue.push(link)
    }
  }
  return { failing, minor, pages }
}

describe('accessibility: every page of every role, desktop and phone', () => {
  it.each(ROLES)(
    '$role: no serious or critical violation and nothing wider than the screen',
    async ({ role, email }) => {
      const page = email
        ? await signedIn(e2e.browser, e2e.app.url, email)
        : await (await e2e.browser.newContext()).newPage()
      const { failing, minor, pages } = await walk(page, email ? '/' : '/sign-in')
      console.info(
        `axe ${role}: ${pages} pages, ${failing.length} serious or critical, ${minor} minor`,
      )
      expect(pages).toBeGreaterThan(0)
      expect(
        failing.map(
          (f) => `${f.viewport} ${f.path} ${f.rule}: ${f.help} (${f.targets.join(', ')})`,
        ),
      ).toEqual([])
      await page.context().close()
    },
    600_000,
  )
})
