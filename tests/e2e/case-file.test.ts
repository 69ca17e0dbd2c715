// The case file a committee member judges from (issue 19, decision 40): the lead then and now
// not clipped at 1440 px, the case file and the lead page no wider than a 390 px phone, and a
// vote cast through the form that sits beside the criteria.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

/** How far the document is wider than the window (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** The "then and now" card. */
const thenAndNow = (page: Page) =>
  page.locator('section', {
    has: page.getByRole('heading', { name: 'The lead then and now', exact: true }),
  })

/** Elements inside the "then and now" card whose content is wider than their box. */
const clippedInThenAndNow = (page: Page) =>
  thenAndNow(page).evaluate((card) =>
    [card, ...card.querySelectorAll('*')]
      .filter((e) => !e.classList.contains('sr-only') && e.scrollWidth > e.clientWidth)
      .map((e) => e.tagName),
  )

describe('the case file', () => {
  it('fits the screen on a desktop and a phone, and takes a vote beside the criteria', async () => {
    const victor = await signedIn(e2e.browser, e2e.app.url, 'victor@brightline.test')
    await victor.goto(`${e2e.app.url}/review`)
    const href = (await victor
      .getByRole('link', { name: /^Case \d+$/ })
      .first()
      .getAttribute('href')) as string

    // Desktop: the then-and-now card shows everything it holds, nothing cut off.
    await victor.setViewportSize({ width: 1440, height: 900 })
    await victor.goto(`${e2e.app.url}${href}`)
    await victor.getByRole('heading', { name: /^Case \d+:/ }).waitFor()
    expect(await clippedInThenAndNow(victor)).toEqual([])
    expect(await overflow(victor)).toBe(0)
    // The unchanged fields are folded behind a disclosure that counts them.
    await thenAndNow(victor)
      .getByText(/^\d+ fields? unchanged$/)
      .click()
    expect(await clippedInThenAndNow(victor)).toEqual([])
    // Each criterion reads its rule and the lead's value, "Your finding" beside it.
    const criteria = victor.getByRole('list', { name: 'Criteria' })
    const first = criteria.getByRole('listitem').first()
    await first.getByText(/^Rule: /).waitFor()
    await first.getByText(/^Lead’s value/).waitFor()
    await first.getByRole('combobox', { name: /^Your finding on / }).waitFor()
    // Beside the last criterion, the verdict and "Cast vote" are still in view (a sticky aside).
    await criteria
      .getByRole('listitem')
      .last()
      .evaluate((li) => li.scrollIntoView({ block: 'start' }))
    const cast = await victor.getByRole('button', { name: 'Cast vote', exact: true }).boundingBox()
    expect(cast && cast.y >= 0 && cast.y + cast.height <= 900).toBe(true)

    // Phone: the case file and the lead page are no wider than the screen.
    await victor.setViewportSize({ width: 390, height: 844 })
    await victor.goto(`${e2e.app.url}${href}`)
    await victor.getByRole('heading', { name: /^Case \d+:/ }).waitFor()
    expect(await overflow(victor)).toBe(0)
    expect(await clippedInThenAndNow(victor)).toEqual([])
    await victor.getByRole('button', { name: 'Cast vote', exact: true }).waitFor()
    const lead = (await victor
      .getByRole('link', { name: 'The lead' })
      .getAttribute('href')) as string
    await victor.goto(`${e2e.app.url}${lead}`)
    await victor.getByRole('heading', { level: 1 }).waitFor()
    expect(await overflow(victor)).toBe(0)

    // The vote, cast through the form beside the criteria, on the phone.
    await victor.goto(`${e2e.app.url}${href}`)
    await victor.getByLabel('Does not meet the definition').check()
    await victor.getByLabel('Disposition').selectOption({ index: 1 })
    await victor.getByLabel('Rationale').fill('The company is too small and the title too junior.')
    await victor.getByRole('button', { name: 'Cast vote', exact: true }).click()
    await victor.getByText(/Your vote (is in|decided the case)\./).waitFor()
    await victor.getByRole('heading', { name: 'Change your vote' }).waitFor()
    await victor.context().close()
  })

  it('a rep’s lead page fits a phone with its actions, and "Edit lead" opens the form', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    await dana.setViewportSize({ width: 390, height: 844 })
    const leads = await dana
      .locator('a[href^="/leads/"]')
      .evaluateAll((as) =>
        as.map((a) => a.getAttribute('href')).filter((h) => h && /^\/leads\/\d+$/.test(h)),
      )
    expect(leads.length).toBeGreaterThan(0)
    await dana.goto(`${e2e.app.url}${leads[0]}`)
    await dana.getByRole('heading', { level: 1 }).waitFor()
    expect(await overflow(dana)).toBe(0)
    // Her actions are on the page, within the screen's width.
    const action = dana.getByRole('button', {
      name: /^(Accept lead|Log contact attempt|Reject lead)$/,
    })
    const box = await action.first().boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(390)
    await dana.context().close()

    // /leads/:id/edit is its own page, not the lead page (it was nested under it, decision 40).
    const maya = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    await maya.goto(`${e2e.app.url}${leads[0]}/edit`)
    await maya.getByRole('heading', { name: /^Edit / }).waitFor()
    await maya.context().close()
  })
})
