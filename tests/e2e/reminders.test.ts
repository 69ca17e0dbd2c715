// SLA reminders and escalation in the browser (decision 26), on the demo: an admin chooses that a
// lead whose clock runs out goes to the next active rep; a rep reads the reminder of a fresh
// lead's follow-up clock on their home, and a committee member the reminder of a review clock.
// (The demo's reminders were sent by the reminder job at the demo's start.)
import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

describe('reminders and escalation', () => {
  it('an admin sets "Go to the next active rep" and a reminder share in Settings', async () => {
    const page = await signedIn(e2e.browser, e2e.app.url, 'sasha@brightline.test')
    await page.goto(`${e2e.app.url}/admin/settings`)
    const clockOut = page.getByLabel('When a follow-up clock runs out')
    expect(await clockOut.inputValue()).toBe('stay')
    await clockOut.selectOption({ label: 'Go to the next active rep in turn, with a fresh clock' })
    await page.getByLabel('Reminder when this share of a clock is left (%)').fill('30')
    await page.getByRole('button', { name: 'Save service levels' }).click()
    await page.getByText('Settings saved.').waitFor()
    await page.reload()
    expect(await page.getByLabel('When a follow-up clock runs out').inputValue()).toBe('next_rep')
    expect(
      await page.getByLabel('Reminder when this share of a clock is left (%)').inputValue(),
    ).toBe('30')
    // A share outside 1–90 is refused on the field.
    await page.getByLabel('Reminder when this share of a clock is left (%)').fill('95')
    await page.getByRole('button', { name: 'Save service levels' }).click()
    await page.getByText('The reminder share must be at most 90').waitFor()
  })

  it('a rep reads the reminder of a follow-up clock on their home and opens the lead', async () => {
    const page = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    const notice = page.getByText(
      /^The follow-up clock on Priya Nair \(Northwind Traders\) has .+ left\./,
    )
    await notice.waitFor()
    await page
      .getByRole('listitem')
      .filter({ has: notice })
      .getByRole('link', { name: 'Priya Nair, Northwind Traders' })
      .click()
    await page.getByRole('heading', { name: /Priya Nair/ }).waitFor()
  })

  it('a committee member reads the reminder of a review clock', async () => {
    const page = await signedIn(e2e.browser, e2e.app.url, 'victor@brightline.test')
    await page
      .getByText(
        /^The review clock on case \d+ \(Inês Duarte \(Solaria Energia\)\) has .+ left, and your vote is not in yet\./,
      )
      .waitFor()
  })
})
