import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppServer, launchBrowser, signedIn, startApp } from './app-server'

let app: AppServer
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the sales side', () => {
  it('a rep works her queue, rejects a lead with a reason, and the marketer sees it', async () => {
    const dana = await signedIn(browser, app.url, 'dana@brightline.test')
    await dana.getByRole('heading', { name: 'Your queue' }).waitFor()
    const queue = dana.getByRole('table', { name: /waiting for you/ })
    const rows = queue.getByRole('row')
    // A header and four fresh demo leads, each with its clock.
    expect(await rows.count()).toBe(5)
    await queue.getByText(/ left/).first().waitFor()
    const first = queue.getByRole('link').first()
    const leadName = (await first.textContent()) as string
    const href = (await first.getAttribute('href')) as string
    await first.click()
    await dana.getByRole('heading', { name: leadName }).waitFor()

    // A contact attempt first, then the rejection; a missing reason is explained.
    await dana.getByLabel('Channel').selectOption('call')
    await dana.getByLabel('Note', { exact: true }).fill('Spoke to the office manager')
    await dana.getByRole('button', { name: 'Log contact attempt' }).click()
    await dana.getByText('Contact attempt logged.').waitFor()
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByText('Choose a reason').last().waitFor()
    await dana.getByLabel('Reason').selectOption({ label: 'No budget' })
    await dana
      .getByLabel('Notes', { exact: true })
      .fill('Budget frozen until April; call back in Q2')
    expect(await dana.getByLabel('Contact attempts').inputValue()).toBe('1')
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByText(/Lead rejected\. A case is open/).waitFor()
    await dana.getByRole('heading', { name: 'Cases' }).waitFor()
    expect(await dana.getByRole('button', { name: 'Accept lead' }).count()).toBe(0)

    // The marketer who handed it over hears of it on her home page and in her list.
    const maya = await signedIn(browser, app.url, 'maya@brightline.test')
    const ben = await signedIn(browser, app.url, 'ben@brightline.test')
    const leadLink = (page: typeof maya) => page.locator(`a[href="${href}"]`)
    const marketer = (await leadLink(maya).count()) > 0 ? maya : ben
    const notice = marketer.getByRole('listitem').filter({ has: leadLink(marketer) })
    await notice.getByText(/Dana Reyes rejected it: No budget/).waitFor()
    await marketer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cases' })
      .click()
    await marketer.getByLabel('Kind').selectOption('rejected')
    await marketer.getByRole('button', { name: 'Apply' }).click()
    const row = marketer.getByRole('row').filter({ has: leadLink(marketer) })
    await row.getByText('Budget frozen until April; call back in Q2').waitFor()
    expect(await row.getByText('No budget').count()).toBe(1)
    await marketer.goto(app.url)
    await notice.getByRole('button', { name: 'Mark as read' }).click()
    await leadLink(marketer).waitFor({ state: 'detached' })
    for (const page of [dana, maya, ben]) await page.context().close()
  })

  it('an admin adds a reason to the catalog and a rep can choose it', async () => {
    const sasha = await signedIn(browser, app.url, 'sasha@brightline.test')
    await sasha
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reasons' })
      .click()
    await sasha.getByLabel('Reason').fill('Wrong territory')
    await sasha.getByLabel('Disputes criterion').selectOption('target_country')
    await sasha.getByRole('button', { name: 'Add reason' }).click()
    await sasha.getByRole('cell', { name: 'Wrong territory', exact: true }).waitFor()

    const omar = await signedIn(browser, app.url, 'omar@brightline.test')
    await omar
      .getByRole('table', { name: /waiting for you/ })
      .getByRole('link')
      .first()
      .click()
    await omar
      .getByLabel('Reason')
      .locator('option', { hasText: 'Wrong territory' })
      .waitFor({ state: 'attached' })
    await omar.getByRole('button', { name: 'Accept lead' }).click()
    await omar.getByText('Lead accepted. It is yours to work.').waitFor()
    await omar.getByText('Working', { exact: true }).first().waitFor()
    for (const page of [sasha, omar]) await page.context().close()
  })
})
