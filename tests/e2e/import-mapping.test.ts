// Issue 19, item 7, in the browser: a marketer imports a file whose sources are spelt unlike the
// demo's ("Paid Search", "Referrals"), sees them mapped to the existing values, sees each row's
// rep and evaluation, holds back the row that does not meet the definition, and the filters
// show one value per source afterwards.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser, fileFolder } from './with-app'

const dir = fileFolder('values')
const e2e = appAndBrowser()

const FILE = [
  'Lead ID,Email,Company,No. of Employees,Lead Source',
  'E2E-V1,v1@northwind.example,Northwind,500,Paid Search',
  'E2E-V2,v2@contoso.example,Contoso,5,Referrals',
  'E2E-V3,v3@globex.example,Globex,300,Referrals',
  'E2E-V4,v4@initech.example,Initech,200,Podcast',
].join('\n')

describe('the import’s mapping step for sources', () => {
  it('maps spellings to the existing sources, shows rep and evaluation, holds back a row', async () => {
    const file = join(dir, 'spring-leads.csv')
    writeFileSync(file, `${FILE}\n`)
    const page = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    await navigate(page, 'Imports', 'Work')
    await page.getByRole('link', { name: 'Import leads' }).click()
    await page.getByLabel('CSV file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload' }).click()
    await page.getByRole('heading', { name: '1. What each column holds' }).waitFor()
    await page.getByRole('button', { name: 'Preview' }).click()

    // The mapping step: the plural proposed, a new value kept, a case difference stored as is.
    await page.getByText('Sources and campaigns', { exact: true }).waitFor()
    const referrals = page.getByLabel('Referrals', { exact: true })
    expect(await referrals.locator('option:checked').textContent()).toBe('Referral')
    expect(
      await page.getByLabel('Podcast', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Keep “Podcast” as a new value')
    await page.getByText('Stored as the existing sources: Paid Search → Paid search.').waitFor()

    // Each row: the rep it goes to and its evaluation.
    const line3 = page.getByRole('listitem').filter({ hasText: 'Line 3' })
    await line3.getByText(/goes to: (Dana Reyes|Omar Haddad|Lucy)/).waitFor()
    await line3.getByText(/does not meet the definition: Ideal customer size not met/).waitFor()

    await page.getByLabel('Hold them back').check()
    await page.getByRole('button', { name: 'Check the preview again' }).click()
    await page.getByText('4 rows: 3 will be imported, 0 will fail, 1 will be held back.').waitFor()
    await line3.getByText(/will be held back: Held back: does not meet the definition/).waitFor()

    await page.getByRole('button', { name: 'Import leads' }).click()
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 })
    await page.getByText(/1 row was held back for not meeting the definition/).waitFor()
    const held = page.getByRole('table', { name: 'Rows held back, by line number' })
    expect(await held.getByRole('row', { name: /E2E-V2/ }).count()).toBe(1)
    await page.getByRole('link', { name: 'download the held back rows as CSV' }).waitFor()

    // One value per source in the filters.
    await page.goto(`${e2e.app.url}/reports/sources`)
    const sources = await page
      .getByLabel('Source', { exact: true })
      .locator('option')
      .allTextContents()
    expect(sources).toContain('Referral')
    expect(sources).toContain('Podcast')
    expect(sources).not.toContain('Referrals')
    expect(sources).not.toContain('Paid Search')
    await page.context().close()
  })
})
