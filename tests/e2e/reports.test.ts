import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

describe('reports', () => {
  it('Felix opens rejection accuracy, changes the period and a filter, and downloads the CSV', async () => {
    const felix = await signedIn(e2e.browser, e2e.app.url, 'felix@brightline.test')
    await navigate(felix, 'Reports', 'Insight')
    await felix.getByRole('link', { name: 'Open the report' }).first().click()
    await felix.getByRole('heading', { name: 'Rejection accuracy', level: 1 }).waitFor()
    const periods = felix.getByRole('table', { name: 'Rejection accuracy by period' })
    await periods.waitFor()
    // Twelve months and the total.
    expect(await periods.getByRole('row').count()).toBe(1 + 12 + 1)

    await felix.getByLabel('Period', { exact: true }).selectOption('quarter')
    await felix.getByLabel('Break down by').selectOption('rep')
    await felix.getByLabel('Source', { exact: true }).selectOption('Trade show')
    await felix.getByLabel('Imported history').selectOption('hidden')
    await felix.getByRole('button', { name: 'Apply' }).click()
    await felix.waitForURL(/period=quarter/)
    expect(felix.url()).toContain('source=Trade+show')
    expect(felix.url()).toContain('history=hidden')
    // The URL changes before React renders the new loader data: wait for the new rows.
    await periods
      .getByRole('row', { name: /^\d{4} Q[1-4]/ })
      .first()
      .waitFor()
    const rows = await periods.getByRole('row').allTextContents()
    expect(rows.slice(1, -1).every((r) => /^\d{4} Q[1-4]/.test(r))).toBe(true)
    await felix.getByRole('table', { name: 'Rejection accuracy by rep' }).waitFor()

    const [download] = await Promise.all([
      felix.waitForEvent('download'),
      felix.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^rejection-accuracy-quarterly-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-trade-show-without-imported-history\.csv$/,
    )
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\n')
    expect(csv[0]).toBe(
      'section,name,opened,rejected_before_contact,rejected_after_contact,ignored,decided,upheld,overturned,open,imported,accuracy_percent',
    )
    // The CSV has a row for every row of the two tables on the page.
    const shown =
      (await periods.getByRole('row').count()) -
      1 +
      (await felix
        .getByRole('table', { name: 'Rejection accuracy by rep' })
        .getByRole('row')
        .count()) -
      1
    expect(csv.length - 1).toBe(shown)

    // Every other report: open it, change the period and a filter, download its CSV.
    for (const [path, title, named] of [
      ['/reports/hindsight', 'Hindsight', 'hindsight'],
      ['/reports/scorecard', 'Rep scorecard', 'scorecard'],
      ['/reports/sla', 'Service levels', 'service-levels'],
      ['/reports/verdicts', 'Verdicts', 'verdicts'],
      ['/reports/sources', 'Source and campaign quality', 'source-quality'],
    ] as const) {
      await felix.goto(`${e2e.app.url}${path}`)
      await felix.getByRole('heading', { name: title, level: 1 }).waitFor()
      await felix.getByLabel('Period', { exact: true }).selectOption('week')
      await felix.getByLabel('Campaign', { exact: true }).selectOption({ index: 1 })
      await felix.getByRole('button', { name: 'Apply' }).click()
      await felix.waitForURL(/period=week/)
      expect(felix.url()).toContain('campaign=')
      // The link is built from the rendered search params: wait until it carries the new ones.
      await felix.locator('a[download][href*="period=week"][href*="campaign="]').waitFor()
      const [file] = await Promise.all([
        felix.waitForEvent('download'),
        felix.getByRole('link', { name: 'Download CSV' }).click(),
      ])
      expect(file.suggestedFilename()).toMatch(
        new RegExp(
          `^${named}-weekly-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}-[a-z0-9-]+\\.csv$`,
        ),
      )
    }
    await felix.context().close()
  })

  it('Felix reads the scorecard for net-new leads rejected after contact, with conversions', async () => {
    const felix = await signedIn(e2e.browser, e2e.app.url, 'felix@brightline.test')
    await felix.goto(`${e2e.app.url}/reports/scorecard`)
    await felix.getByRole('heading', { name: 'Rep scorecard', level: 1 }).waitFor()
    const table = felix.getByRole('table', { name: 'Rep scorecard' })
    for (const column of [
      'Rejected before contact',
      'Rejected after contact',
      'Ignored',
      'Converted',
      'Conversion rate',
    ])
      await table.getByRole('columnheader', { name: column, exact: true }).waitFor()
    await felix.getByLabel('Stage').selectOption('Rejected after contact')
    await felix.getByLabel('Hand-over').selectOption('Net-new')
    await felix.getByRole('button', { name: 'Apply' }).click()
    await felix.waitForURL(/stage=after_contact/)
    expect(felix.url()).toContain('handOver=net_new')
    await felix
      .locator('a[download][href*="stage=after_contact"][href*="handOver=net_new"]')
      .waitFor()
    const [file] = await Promise.all([
      felix.waitForEvent('download'),
      felix.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(file.suggestedFilename()).toMatch(
      /^scorecard-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-rejected-after-contact-net-new-hand-overs\.csv$/,
    )
    const csv = readFileSync((await file.path()) as string, 'utf8')
      .trim()
      .split('\n')
    expect(csv[0]).toBe(
      'rep,received,accepted,rejected_before_contact,rejected_after_contact,ignored,acceptance_percent,accuracy_percent,converted,accepted_converted,conversion_percent,median_hours_to_first_action,sla_compliance_percent',
    )
    // Under the stage "Rejected after contact", the other stages' columns read 0.
    for (const row of csv.slice(1)) {
      const cells = row.split(',')
      expect([cells[3], cells[5]], row).toEqual(['0', '0'])
    }
    // A stage that is not one is refused, naming the field.
    const refused = await felix.goto(`${e2e.app.url}/reports/scorecard?stage=lost`)
    expect(refused?.status()).toBe(400)
    await felix.getByText('stage: must be before_contact, after_contact or ignored').waitFor()
    await felix.context().close()
  })

  it('Dana sees only her own accuracy and scorecard, and no source report', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    await dana.goto(`${e2e.app.url}/reports`)
    expect(await dana.getByRole('heading', { name: 'Source and campaign quality' }).count()).toBe(0)
    await dana.getByRole('link', { name: 'Open the report' }).first().click()
    await dana.getByRole('heading', { name: 'Your rejection accuracy', level: 1 }).waitFor()
    expect(await dana.getByLabel('Rep', { exact: true }).count()).toBe(0)
    await dana.getByLabel('Break down by').selectOption('rep')
    await dana.getByRole('button', { name: 'Apply' }).click()
    await dana.waitForURL(/by=rep/)
    const byRep = dana.getByRole('table', { name: 'Rejection accuracy by rep' })
    await byRep.waitFor()
    const reps = await byRep.getByRole('row').allTextContents()
    expect(reps.length).toBeGreaterThan(1)
    expect(reps.slice(1).every((r) => r.startsWith('Dana Reyes'))).toBe(true)
    await dana.goto(`${e2e.app.url}/reports/scorecard`)
    await dana.getByRole('heading', { name: 'Your scorecard', level: 1 }).waitFor()
    const rows = await dana
      .getByRole('table', { name: 'Rep scorecard' })
      .getByRole('row')
      .allTextContents()
    expect(rows.slice(1).map((r) => r.startsWith('Dana Reyes'))).toEqual([true])
    const response = await dana.goto(`${e2e.app.url}/reports/sources`)
    expect(response?.status()).toBe(403)
    await dana.context().close()
  })
})
