// Issue 15 in the browser: a marketer imports a small Zoho export as history, tells the
// preview what one of its statuses meant, and finds the leads in the reports.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser, fileFolder } from './with-app'

const dir = fileFolder('history')
const e2e = appAndBrowser()

// Ten leads of early 2025 from one web form, as Zoho exports them (its date style, its lead
// statuses, its Converted flag): long past any cut-off, so recorded as history.
const ZOHO = [
  'Lead Id,First Name,Last Name,Email,Company,Lead Source,Lead Status,Created Time,Converted',
  'zcrm_e2e_001,Ana,Silva,ana.silva@northwind.example,Northwind,Zoho Forms,Not Contacted,"15 Jan, 2025 09:03:00",false',
  'zcrm_e2e_002,Ben,Ode,ben.ode@contoso.example,"Contoso, Ltd",Zoho Forms,Attempted to Contact,"22 Jan, 2025 14:30:00",false',
  'zcrm_e2e_003,Chloe,Martin,chloe.martin@globex.example,Globex,Zoho Forms,Contacted,"03 Feb, 2025 10:15:00",true',
  'zcrm_e2e_004,Dev,Patel,dev.patel@initech.example,Initech,Zoho Forms,Contacted,"10 Feb, 2025 11:00:00",false',
  'zcrm_e2e_005,Elena,Byrne,elena.byrne@umbrella.example,Umbrella,Zoho Forms,Pre Qualified,"18 Feb, 2025 16:45:00",false',
  'zcrm_e2e_006,Farid,Novak,farid.novak@northwind.example,Northwind,Zoho Forms,Contact in Future,"25 Feb, 2025 09:30:00",false',
  'zcrm_e2e_007,Grace,Tanaka,grace.tanaka@globex.example,Globex,Zoho Forms,Contact in Future,"04 Mar, 2025 13:10:00",false',
  'zcrm_e2e_008,Hugo,Haddad,hugo.haddad@contoso.example,"Contoso, Ltd",Zoho Forms,Junk Lead,"11 Mar, 2025 08:55:00",false',
  'zcrm_e2e_009,Isla,Kowalski,isla.kowalski@initech.example,Initech,Zoho Forms,Lost Lead,"19 Mar, 2025 15:20:00",true',
  'zcrm_e2e_010,Jonas,Silva,jonas.silva@umbrella.example,Umbrella,Zoho Forms,Not Qualified,"27 Mar, 2025 12:00:00",false',
].join('\n')

/** The figure under a label of "What the new leads become" or of the import's report. */
const figure = (page: Page, label: string) =>
  page.getByText(label, { exact: true }).locator('xpath=following-sibling::dd')

/** Waits until the figure under `label` reads `value` (the page reloads after each step). */
const expectFigure = (page: Page, label: string, value: number) =>
  figure(page, label)
    .filter({ hasText: new RegExp(`^${value}$`) })
    .waitFor()

describe('importing a CRM export as history', () => {
  it('a marketer maps the statuses, changes what one meant, previews again and imports', async () => {
    const file = join(dir, 'Leads_2025_Q1.csv')
    writeFileSync(file, `${ZOHO}\n`)
    const page = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    await navigate(page, 'Imports', 'Work')
    await page.getByRole('link', { name: 'Import leads' }).click()
    await page.getByLabel('CSV file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload' }).click()
    await page.getByRole('heading', { name: '1. What each column holds' }).waitFor()
    expect(await page.getByLabel('Created Time', { exact: true }).inputValue()).toBe('handedOverAt')
    expect(await page.getByLabel('Lead Status', { exact: true }).inputValue()).toBe('status')
    expect(await page.getByLabel('Converted', { exact: true }).inputValue()).toBe('converted')
    await page.getByRole('button', { name: 'Preview' }).click()

    // What the CRM knew: the dates as read, the statuses with Zoho's usual meanings.
    await page.getByRole('heading', { name: 'What the CRM knew' }).waitFor()
    await page.getByRole('cell', { name: /^15 Jan 2025, 09:03 \(Europe\/London\)/ }).waitFor()
    const contactInFuture = page.getByLabel('Contact in Future', { exact: true })
    expect(await contactInFuture.locator('option:checked').textContent()).toBe(
      'Rejected: Not sales-ready (timing)',
    )
    expect(
      await page.getByLabel('Junk Lead', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Rejected: Competitor / student / job seeker / spam')
    await page.getByText('10 rows: 10 will be imported, 0 will fail.').waitFor()
    await expectFigure(page, 'Recorded as history', 10)
    await expectFigure(page, 'Accepted', 3)
    await expectFigure(page, 'Converted', 1)
    await expectFigure(page, 'Rejected (imported, not reviewed)', 5)
    await expectFigure(page, 'Won after a rejection', 1)

    // This org's "Contact in Future" meant a lead Sales took on for later: accepted.
    await contactInFuture.selectOption({ label: 'Accepted' })
    await page.getByRole('button', { name: 'Check the preview again' }).click()
    await expectFigure(page, 'Accepted', 5)
    await expectFigure(page, 'Rejected (imported, not reviewed)', 3)
    await expectFigure(page, 'Won after a rejection', 1)
    const byReason = page.getByRole('table', { name: 'Rejections by reason' })
    await byReason.getByRole('row', { name: /Competitor \/ student/ }).waitFor()
    expect(await byReason.getByRole('row', { name: /Not sales-ready/ }).count()).toBe(0)

    await page.getByRole('button', { name: 'Import leads' }).click()
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 })
    await expectFigure(page, 'Created', 10)
    await expectFigure(page, 'Failed', 0)

    // The leads sit in their own months, not the import's: three rejections among ten, one of
    // them won all the same.
    const range = 'period=month&from=2025-01-01&to=2025-03-31&source=Zoho%20Forms'
    await page.goto(`${e2e.app.url}/reports/sources?${range}`)
    const bySource = page
      .getByRole('table', { name: 'Lead quality by source' })
      .getByRole('row', { name: /Zoho Forms/ })
    // Source, handed over, of which net-new and re-engaged (a CRM's history is all net-new),
    // rejected, confirmed bad, confirmed good, confirmed-bad rate.
    expect(await bySource.getByRole('cell').allTextContents()).toEqual([
      'Zoho Forms',
      '10',
      '10',
      '0',
      '3',
      '0',
      '0',
      '0.0%',
    ])
    // Period, handed over, rejected.
    const byPeriod = page.getByRole('table', { name: 'Lead quality by period' })
    expect(
      await byPeriod
        .getByRole('row', { name: /^2025-0[123] / })
        .evaluateAll((rows) =>
          rows.map((row) => [0, 1, 4].map((i) => row.querySelectorAll('td')[i]?.textContent)),
        ),
    ).toEqual([
      ['2025-01', '2', '0'],
      ['2025-02', '4', '0'],
      ['2025-03', '4', '3'],
    ])
    await page.context().close()

    // Leadership sees the hindsight on day one: one of the three rejections was won all the same.
    const felix = await signedIn(e2e.browser, e2e.app.url, 'felix@brightline.test')
    await felix.goto(`${e2e.app.url}/reports/hindsight?${range}`)
    const total = felix
      .getByRole('table', { name: 'Hindsight accuracy by period' })
      .getByRole('row', { name: /^All / })
    expect((await total.getByRole('cell').allTextContents()).slice(0, 5)).toEqual([
      'All',
      '3',
      '1',
      '1',
      '0',
    ])
    await felix.context().close()
  })
})
