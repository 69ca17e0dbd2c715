// Decision 44 in Chromium: Reject and Concede ask first and act only when confirmed, a slow save
// shows that it is under way, and focus lands on the result of a form once it is saved.
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

/** What has focus: its role and its text. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    role: document.activeElement?.getAttribute('role') ?? null,
    text: document.activeElement?.textContent ?? '',
  }))

describe('confirming, pending and focus', () => {
  it('Dana’s rejection and the marketer’s concession happen only once confirmed', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    const first = dana
      .getByRole('table', { name: /waiting for you/ })
      .getByRole('link')
      .first()
    const leadName = (await first.textContent()) as string
    await first.click()
    await dana.getByRole('heading', { name: leadName }).waitFor()
    await dana.getByLabel('Reason').selectOption({ label: 'No budget' })
    await dana.getByLabel('Notes', { exact: true }).fill('Budget frozen until April')

    // The dialog says what will happen; Escape closes it and nothing is sent.
    const reject = dana.getByRole('button', { name: 'Reject lead' })
    await reject.click()
    const asked = dana.getByRole('dialog', { name: 'Reject this lead?' })
    await asked
      .getByText('Rejecting it as “No budget” opens a case for the review committee.', {
        exact: false,
      })
      .waitFor()
    expect(await focused(dana)).toEqual({ role: null, text: 'Cancel' })
    await dana.keyboard.press('Escape')
    await asked.waitFor({ state: 'hidden' })
    expect((await focused(dana)).text).toBe('Reject lead')
    await dana.reload()
    await reject.waitFor()
    expect(await dana.getByText(/Lead rejected/).count()).toBe(0)

    // Confirmed, it is sent with the form's fields; focus lands on the notice.
    await dana.getByLabel('Reason').selectOption({ label: 'No budget' })
    await dana.getByLabel('Notes', { exact: true }).fill('Budget frozen until April')
    await reject.click()
    await asked.getByRole('button', { name: 'Yes, reject the lead' }).click()
    await dana.getByText(/Lead rejected\. A case is open/).waitFor()
    await expect
      .poll(() => focused(dana))
      .toMatchObject({ role: 'status', text: expect.stringMatching(/^Lead rejected\./) })
    const caseHref = (await dana
      .getByRole('link', { name: /^Case \d+$/ })
      .last()
      .getAttribute('href')) as string
    const caseId = caseHref.split('/').pop()

    // The marketer who handed the lead over concedes: Cancel first, then for real.
    let marketer = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    await marketer.goto(`${e2e.app.url}${caseHref}`)
    await marketer.getByRole('heading', { level: 1 }).waitFor()
    if ((await marketer.getByRole('button', { name: 'Concede' }).count()) === 0) {
      await marketer.context().close()
      marketer = await signedIn(e2e.browser, e2e.app.url, 'ben@brightline.test')
      await marketer.goto(`${e2e.app.url}${caseHref}`)
    }
    const concede = marketer.getByRole('button', { name: 'Concede', exact: true })
    await marketer.getByLabel('Disposition').selectOption({ label: 'Nurture' })
    await concede.click()
    const conceding = marketer.getByRole('dialog', { name: `Concede case ${caseId}?` })
    await conceding
      .getByText(
        `Conceding closes case ${caseId} in Dana Reyes’s favour: the lead does not meet the definition`,
        { exact: false },
      )
      .waitFor()
    await conceding
      .getByText('The lead goes back to marketing, into the nurture pool.', {
        exact: false,
      })
      .waitFor()
    await conceding.getByRole('button', { name: 'Cancel' }).click()
    await conceding.waitFor({ state: 'hidden' })
    await marketer.reload()
    await concede.waitFor()

    await marketer.getByLabel('Disposition').selectOption({ label: 'Nurture' })
    await concede.click()
    await conceding.getByRole('button', { name: 'Yes, concede' }).click()
    await marketer.getByText('Conceded. The case is closed and the rep has been told.').waitFor()
    await expect
      .poll(() => focused(marketer))
      .toEqual({ role: 'status', text: 'Conceded. The case is closed and the rep has been told.' })
    expect(await concede.count()).toBe(0)
    for (const page of [dana, marketer]) await page.context().close()
  })

  it('adding a user shows "Saving…" while the save runs, then focuses the new password', async () => {
    const sasha = await signedIn(e2e.browser, e2e.app.url, 'sasha@brightline.test')
    await sasha.goto(`${e2e.app.url}/admin/users/new`)
    // The save is held in the browser until the pending state has been seen.
    let held: (route: Route) => void = () => {}
    const arrived = new Promise<Route>((resolve) => {
      held = resolve
    })
    await sasha.route('**/admin/users/new.data*', (route) =>
      route.request().method() === 'POST' ? held(route) : route.continue(),
    )
    await sasha.getByLabel('Name').fill('Nadia Okafor')
    await sasha.getByLabel('Email').fill('nadia@brightline.test')
    await sasha.getByLabel('Sales rep', { exact: true }).check()
    await sasha.getByRole('button', { name: 'Add user' }).click()
    const route = await arrived

    const saving = sasha.getByRole('button', { name: 'Saving…' })
    await saving.waitFor()
    expect(await saving.getAttribute('aria-busy')).toBe('true')
    expect(await saving.getAttribute('aria-disabled')).toBe('true')

    await route.continue()
    await sasha.getByText('Temporary password for Nadia Okafor').waitFor()
    await sasha.getByRole('button', { name: 'Add user' }).waitFor()
    await expect
      .poll(() => focused(sasha))
      .toMatchObject({
        role: 'status',
        text: expect.stringContaining('Temporary password for Nadia Okafor'),
      })
    await sasha.context().close()
  })
})
