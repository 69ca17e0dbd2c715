// The lists people work from in Chromium (decision 42): on a 390×844 phone the rep's home queue,
// the review queue and the cases list fit the screen with the first row's clock on the first
// screen; on a desktop, a column sorts, a view is saved and reopened, and a filter applies
// without Apply.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

const documentWidth = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }))

/** Whether an element lies inside the first screen (no scrolling), left to right and top to bottom. */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`${selector} is not shown`)
  return box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390
}

describe('on a phone (390×844)', () => {
  it.each([
    ['dana@brightline.test', '/', 'Your queue'],
    ['victor@brightline.test', '/review', 'Review queue'],
    ['maya@brightline.test', '/cases', 'Rejected and ignored leads'],
  ])('%s on %s: no sideways scrolling, the first row’s clock first', async (email, path) => {
    const page = await signedIn(e2e.browser, e2e.app.url, email)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${e2e.app.url}${path}`)
    await page.locator('main table tbody tr').first().waitFor()
    const { scroll, inner } = await documentWidth(page)
    expect(scroll).toBeLessThanOrEqual(inner)
    // The clock (or, on the cases list, when the case opened) is the card's first cell.
    const firstCell = page.locator('main table tbody tr').first().locator('td.order-first')
    expect(await firstCell.count()).toBe(1)
    expect(await onFirstScreen(page, 'main table tbody tr td.order-first')).toBe(true)
    if (path === '/review') {
      const filters = page.getByRole('button', { name: /^Filters \(\d+ active\)$/ })
      expect(await filters.getAttribute('aria-expanded')).toBe('false')
    }
    await page.context().close()
  })
})

/** The review clock's header once the queue is sorted by it, most time left first. */
const sortedDescending = (page: Page) =>
  page.locator('th[aria-sort="descending"]', { hasText: 'Review clock' })

describe('on a desktop', () => {
  it('sorts by a column, saves the view, reopens it, and applies a filter as it changes', async () => {
    const page = await signedIn(e2e.browser, e2e.app.url, 'victor@brightline.test')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${e2e.app.url}/review`)
    const clock = page.getByRole('columnheader', { name: /Review clock/ })
    expect(await clock.getAttribute('aria-sort')).toBe('ascending')
    await clock.getByRole('link').click()
    await page.waitForURL(/sort=reviewDue&dir=desc/)
    await sortedDescending(page).waitFor()

    await page.getByLabel('Save these filters and sort as').fill('Most time left')
    await page.getByRole('button', { name: 'Save view' }).click()
    const saved = page.getByRole('link', { name: 'Most time left' })
    await saved.waitFor()

    await page.goto(`${e2e.app.url}/review`)
    expect(await clock.getAttribute('aria-sort')).toBe('ascending')
    await saved.click()
    await page.waitForURL(/\/review\?sort=reviewDue&dir=desc$/)
    await sortedDescending(page).waitFor()

    // A filter applies on its own, keeping the order; the URL says so.
    await page.getByLabel('Stage').selectOption('ignored')
    await page.waitForURL(/stage=ignored/)
    expect(page.url()).toMatch(/sort=reviewDue&dir=desc/)
    await page.context().close()
  })
})
