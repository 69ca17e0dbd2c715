// The accessibility scan's pieces (decision 47): axe-core run inside a page, the pages a person
// reaches by following links from their home, and a finding per rule with its elements.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** What fails the scan: axe's two highest impacts. */
const FAILING = new Set(['serious', 'critical'])

export type Finding = {
  path: string
  viewport: string
  rule: string
  impact: string
  help: string
  targets: string[]
}

type AxeResult = {
  violations: {
    id: string
    impact: string | null
    help: string
    nodes: { target: unknown[] }[]
  }[]
}

/**
 * axe's violations on the page as it is, serious and critical ones in `failing`, the rest in
 * `minor`; and the document being wider than the viewport, which a phone reader meets as
 * sideways scrolling, counted as serious.
 */
export async function scan(page: Page, path: string, viewport: string) {
  // Evaluated through the browser's protocol, which the pages' Content Security Policy does not
  // govern (a script tag would be refused, as the policy means it to be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const result = (await page.evaluate(() =>
    // @ts-expect-error axe is the script added above
    window.axe.run(document, { resultTypes: ['violations'] }),
  )) as AxeResult
  const findings: Finding[] = result.violations.map((violation) => ({
    path,
    viewport,
    rule: violation.id,
    impact: violation.impact ?? 'minor',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }))
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }))
  if (width.scroll > width.inner)
    findings.push({
      path,
      viewport,
      rule: 'wider-than-screen',
      impact: 'serious',
      help: `The document is ${width.scroll} px wide in a ${width.inner} px viewport`,
      targets: ['html'],
    })
  return {
    failing: findings.filter((finding) => FAILING.has(finding.impact)),
    minor: findings.filter((finding) => !FAILING.has(finding.impact)),
  }
}

/** Paths not to open: leaving, downloads, the API and its documents, files. */
const SKIPPED = [/^\/sign-out/, /\.csv(\?|$)/, /^\/api\//, /^\/api$/, /\[/]

/**
 * One path per route shape: numbers in a path are ids, and the first of each shape stands for
 * the rest; queries are dropped (a filter is the same page).
 */
export function routeShape(path: string) {
  const [bare = ''] = path.split('?')
  return bare
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? ':id' : segment))
    .join('/')
}

/** The same-origin links of the page, as paths, once each by route shape. */
export async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
  )
  return hrefs
    .filter((href) => href.startsWith(origin))
    .map((href) => href.slice(origin.length).split('#')[0] || '/')
    .filter((path) => !SKIPPED.some((pattern) => pattern.test(path)))
}
