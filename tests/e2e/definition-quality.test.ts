import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

describe('definition quality', () => {
  it('Victor (committee) opens the proposed version 3 and sees its impact before signing off', async () => {
    const victor = await signedIn(e2e.browser, e2e.app.url, 'victor@brightline.test')
    await victor.goto(`${e2e.app.url}/definition`)
    await victor.getByRole('link', { name: 'Version 3', exact: true }).click()
    await victor.getByRole('heading', { name: 'Lead definition — version 3' }).waitFor()
    await victor.getByRole('heading', { name: 'Impact of this version' }).waitFor()
    const results = victor.getByRole('table', { name: 'Leads by result' })
    const header = await results.getByRole('row').first().textContent()
    expect(header).toContain('Version 3 (this one)')
    expect(header).toContain('Version 2 (in force)')
    await victor.getByRole('table', { name: 'Criteria that cause the change' }).waitFor()
    expect(
      await victor
        .getByRole('table', { name: 'Criteria that cause the change' })
        .getByRole('row', { name: /Ideal customer size/ })
        .count(),
    ).toBe(1)
    await victor
      .getByRole('table', {
        name: 'Past rejections and verdicts that would have gone the other way',
      })
      .waitFor()

    // Fewer months: the count of leads follows the URL.
    await victor.getByLabel('Months of hand-overs').fill('3')
    await victor.getByRole('button', { name: 'Show' }).click()
    await victor.waitForURL(/months=3/)
    await victor.getByText(/handed over in the last 3 months/).waitFor()
    await victor.getByRole('button', { name: 'Sign off' }).waitFor()
  })

  it('Felix (leadership) opens the hindsight of the definition from the reports', async () => {
    const felix = await signedIn(e2e.browser, e2e.app.url, 'felix@brightline.test')
    await navigate(felix, 'Reports', 'Insight')
    await felix.getByRole('heading', { name: 'Is the definition any good?', level: 2 }).waitFor()
    await felix.goto(`${e2e.app.url}/reports/definition`)
    await felix.getByRole('heading', { name: 'Is the definition any good?', level: 1 }).waitFor()
    const v2 = felix.getByRole('table', {
      name: 'Version 2: what it said, and what became of the leads',
    })
    await v2.waitFor()
    expect(await v2.getByRole('row').count()).toBe(1 + 3)
    await felix.getByRole('table', { name: 'Version 2: criteria left unmet' }).waitFor()
    await felix.getByRole('table', { name: 'Version 1: criteria left unmet' }).waitFor()
    await felix
      .getByText(/Real buyers let through: \d/)
      .first()
      .waitFor()
  })
})
