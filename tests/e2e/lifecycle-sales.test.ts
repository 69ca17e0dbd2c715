// After acceptance in the browser (decision 26): a rep accepts a lead, logs an attempt and rejects
// it after contact; marks another working lead converted; and reads a buying group.
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

describe('after acceptance', () => {
  it('Dana accepts a lead, logs an attempt and rejects it after contact', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    const queue = dana.getByRole('table', { name: /waiting for you/ })
    const first = queue.getByRole('link').first()
    const leadName = (await first.textContent()) as string
    await first.click()
    await dana.getByRole('heading', { name: leadName }).waitFor()
    await dana.getByRole('button', { name: 'Accept lead' }).click()
    await dana.getByText('Lead accepted. It is yours to work.').waitFor()
    // Working now: the three actions of a working lead, and no more "Accept lead".
    await dana.getByRole('button', { name: 'Mark converted' }).waitFor()
    await dana.getByRole('button', { name: 'Log contact attempt' }).waitFor()
    expect(await dana.getByRole('button', { name: 'Accept lead' }).count()).toBe(0)

    await dana.getByLabel('Channel').selectOption('call')
    await dana.getByLabel('Note', { exact: true }).fill('Spoke to their finance lead')
    await dana.getByRole('button', { name: 'Log contact attempt' }).click()
    await dana.getByText('Contact attempt logged.').waitFor()
    await expect.poll(() => dana.getByLabel('Contact attempts').inputValue()).toBe('1')
    await dana.getByLabel('Reason').selectOption({ label: 'No budget' })
    await dana
      .getByLabel('Notes', { exact: true })
      .fill('Spoke to them: no budget until the next fiscal year')
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByRole('dialog').getByRole('button', { name: 'Yes, reject the lead' }).click()
    await dana.getByText(/Lead rejected after contact\. A case is open/).waitFor()
    await dana.getByText('Rejected after contact', { exact: true }).first().waitFor()

    // The case list's stage filter finds it.
    await dana.goto(`${e2e.app.url}/cases?stage=after_contact`)
    await dana.getByRole('link', { name: leadName }).first().waitFor()
    expect(await dana.getByLabel('Stage').inputValue()).toBe('after_contact')
    await dana.context().close()
  })

  it('Dana marks a working lead converted and sees the opportunity', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    const working = dana.getByRole('table', { name: /accepted and are working/ })
    const first = working.getByRole('link').first()
    const leadName = (await first.textContent()) as string
    await first.click()
    await dana.getByRole('heading', { name: leadName }).waitFor()
    await dana.getByLabel('Opportunity reference').fill('OPP-E2E-1')
    await dana.getByLabel('Amount').fill('15000')
    await dana.getByRole('button', { name: 'Mark converted' }).click()
    await dana.getByText('Marked converted. The lead is now an opportunity.').waitFor()
    await dana.getByText(/opportunity OPP-E2E-1, amount 15,000/).waitFor()
    expect(await dana.getByRole('button', { name: 'Mark converted' }).count()).toBe(0)
    await dana.context().close()
  })

  it('Dana reads the buying group at Harbourline Freight, and the reject form asks which lead is worked', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    await dana.goto(`${e2e.app.url}/leads?q=Priya`)
    await dana.getByRole('link', { name: 'Priya Shah' }).first().click()
    await dana.getByRole('heading', { name: 'Priya Shah' }).waitFor()
    await dana.getByRole('heading', { name: 'Buying group' }).waitFor()
    const group = dana.getByRole('table', { name: /buying group at harbourlinefreight\.example/ })
    // Six others: Dana's own Tom Fischer by name; Omar's and Lucy's by title and owner only.
    expect(await group.getByRole('row').count()).toBe(7)
    await group.getByRole('link', { name: 'Tom Fischer' }).waitFor()
    const vp = group.getByRole('row').filter({ hasText: 'VP Operations' })
    await vp.getByText('Not yours to open').waitFor()
    await vp.getByText('Omar Haddad').waitFor()
    await dana
      .getByText('7 leads at harbourlinefreight.example (this one included), 5 being worked.')
      .first()
      .waitFor()
    // The overturned case: already worked as Omar's VP Operations.
    await dana
      .getByRole('link', { name: /^Case \d+$/ })
      .first()
      .click()
    await dana.getByText('Already worked as').waitFor()
    await dana.getByText(/VP Operations \(not yours to open\), Omar Haddad/).waitFor()
    // Priya cannot be rejected for that reason again (the committee ruled on it); Tom can.
    await dana.goBack()
    await dana.getByRole('link', { name: 'Tom Fischer' }).click()
    await dana.getByRole('heading', { name: 'Tom Fischer' }).waitFor()
    await dana
      .getByLabel('Reason')
      .selectOption({ label: 'Already working this account / duplicate' })
    const worked = dana.getByLabel('Lead being worked')
    await worked.waitFor()
    expect(await worked.locator('option').allTextContents()).toContain(
      'VP Operations — Omar Haddad, working',
    )
    await dana.context().close()
  })
})
