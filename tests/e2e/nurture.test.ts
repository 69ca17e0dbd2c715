import { describe, expect, it } from 'vitest'
import { signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

const REPS: Record<string, string> = {
  'Dana Reyes': 'dana@brightline.test',
  'Omar Haddad': 'omar@brightline.test',
  'Lucy Chen': 'lucy@brightline.test',
}

describe('the Nurture pool', () => {
  it('a marketer sees a re-engaged lead and what changed, hands it back with a note; the rep gets it marked Re-engaged', async () => {
    const maya = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    // The demo woke three leads up and handed one back: two wait in the pool.
    await maya.getByRole('link', { name: '2 re-engaged leads in the Nurture pool' }).click()
    await maya.getByRole('heading', { name: 'Nurture pool' }).waitFor()
    const pool = maya.getByRole('list', { name: 'Leads in the Nurture pool' })
    const lead = pool.locator(':scope > li').first()
    await lead.getByText('Re-engaged', { exact: true }).waitFor()
    await lead.getByText(/Engagement score: \d+ → 88/).waitFor()
    await lead.getByText('What changed since').waitFor()
    const name = (await lead.getByRole('heading').textContent()) as string
    const rep = ((await lead.getByText(/; rep /).textContent()) as string).split('; rep ')[1]
    const repEmail = REPS[rep?.trim() ?? ''] as string
    expect(repEmail).toBeDefined()

    // A note is required; then the lead goes back to Sales.
    await lead.locator('summary', { hasText: 'Hand back to Sales' }).click()
    await lead.getByRole('button', { name: 'Hand back to Sales' }).click()
    await lead.getByText('Say what is new about the lead').waitFor()
    await lead
      .getByLabel('What is new')
      .fill('New VP of Operations, score 88: asked for a call about Q1 pricing.')
    await lead.getByRole('button', { name: 'Hand back to Sales' }).click()
    await maya.getByText(/Handed back to Sales: the lead is new again/).waitFor()
    await maya.getByRole('heading', { name }).waitFor({ state: 'detached' })

    // The rep finds it in their queue, marked Re-engaged.
    const repPage = await signedIn(e2e.browser, e2e.app.url, repEmail)
    const queue = repPage.getByRole('table', { name: /waiting for you/ })
    const row = queue.getByRole('row').filter({ hasText: name })
    await row.getByText('Re-engaged', { exact: true }).waitFor()
    expect(await row.getByText('New', { exact: true }).count()).toBe(1)
    for (const page of [maya, repPage]) await page.context().close()
  })
})
