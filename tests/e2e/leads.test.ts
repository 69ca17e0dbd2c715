import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser, fileFolder } from './with-app'

const X_EDUCATION = resolve(process.cwd(), '../shared/data/x-education-leads.csv')

const dir = fileFolder('files')

const e2e = appAndBrowser()

const signedInAs = (email: string) => signedIn(e2e.browser, e2e.app.url, email)

describe('leads', () => {
  it.skipIf(!existsSync(X_EDUCATION))(
    'a marketer imports a slice of the X Education export and finds its leads',
    async () => {
      const lines = readFileSync(X_EDUCATION, 'utf8').split(/\r?\n/)
      const slice = join(dir, 'x-education-slice.csv')
      writeFileSync(slice, `${lines.slice(0, 151).join('\n')}\n`)
      const prospect = lines[1]?.split(',')[0] as string

      const page = await signedInAs('maya@brightline.test')
      await navigate(page, 'Imports', 'Work')
      await page.getByRole('link', { name: 'Import leads' }).click()
      await page.getByLabel('CSV file').setInputFiles(slice)
      await page.getByRole('button', { name: 'Upload' }).click()
      await page.getByRole('heading', { name: '1. What each column holds' }).waitFor()
      expect(await page.getByLabel('Prospect ID').inputValue()).toBe('externalId')
      expect(await page.getByLabel('Lead Source').inputValue()).toBe('source')
      await page.getByLabel('Lead Number').selectOption('ignore')
      await page.getByRole('button', { name: 'Preview' }).click()
      await page.getByText('150 rows: 150 will be imported, 0 will fail.').waitFor()
      await page.getByRole('button', { name: 'Import leads' }).click()
      await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 })
      const created = page
        .getByText('Created', { exact: true })
        .locator('xpath=following-sibling::dd')
      expect(await created.textContent()).toBe('150')

      await navigate(page, 'Leads', 'Work')
      await page.getByLabel('Search').fill(prospect)
      await page.getByRole('button', { name: 'Apply' }).click()
      await page.getByRole('link', { name: prospect }).click()
      await page.getByRole('heading', { name: 'Against the definition (version 2)' }).waitFor()
      await page.getByText('Lead Quality').first().waitFor()
      await page.context().close()
    },
  )

  it('a marketer adds a lead by form; a duplicate points to the existing lead', async () => {
    const page = await signedInAs('ben@brightline.test')
    await page.goto(`${e2e.app.url}/leads/new`)
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Add lead' }).click()
    await page.getByText('“not-an-email” is not a valid e-mail address').waitFor()
    await page.getByLabel('Email').fill('rita.ng@northwindlogistics.example')
    await page.getByLabel('First name').fill('Rita')
    await page.getByLabel('Last name').fill('Ng')
    await page.getByLabel('Title').fill('VP Operations')
    await page.getByLabel('Employee count').fill('800')
    await page.getByLabel('Owner').selectOption({ label: 'Lucy Chen' })
    await page.getByRole('button', { name: 'Add lead' }).click()
    await page.getByRole('heading', { name: 'Rita Ng' }).waitFor()
    await page.getByText('Ideal customer size').waitFor()

    await page.goto(`${e2e.app.url}/leads/new`)
    await page.getByLabel('Email').fill('rita.ng@northwindlogistics.example')
    await page.getByRole('button', { name: 'Add lead' }).click()
    await page.getByRole('link', { name: 'Open the existing lead' }).click()
    await page.getByRole('heading', { name: 'Rita Ng' }).waitFor()
    await page.context().close()
  })

  it('a rep sees only their own leads, and another rep’s lead by URL is not found', async () => {
    const lucy = await signedInAs('lucy@brightline.test')
    await lucy.goto(`${e2e.app.url}/leads?q=rita`)
    const ritaHref = await lucy.getByRole('link', { name: 'Rita Ng' }).getAttribute('href')
    await lucy.context().close()

    const dana = await signedInAs('dana@brightline.test')
    await navigate(dana, 'Leads')
    await dana.getByRole('heading', { name: 'My leads' }).waitFor()
    const owners = await dana.locator('tbody tr td:nth-child(5)').allInnerTexts()
    expect(owners.length).toBeGreaterThan(0)
    expect(new Set(owners)).toEqual(new Set(['Dana Reyes']))
    const response = await dana.goto(`${e2e.app.url}${ritaHref}`)
    expect(response?.status()).toBe(404)
    await dana.context().close()
  })
})

describe('the lead definition', () => {
  it('an admin takes the proposed version 3 back to draft, adds a criterion with the rule builder; sales and marketing sign it off', async () => {
    const sasha = await signedInAs('sasha@brightline.test')
    await navigate(sasha, 'Lead definition', 'Court')
    // The demo's version 3 (companies of 100 or more) is proposed: Sasha withdraws it to add one.
    await sasha.getByRole('link', { name: 'Open version 3' }).click()
    await sasha.getByRole('button', { name: 'Withdraw to draft' }).click()
    await sasha.getByRole('heading', { name: 'Lead definition — version 3' }).waitFor()
    await sasha.getByLabel('Label').fill('Real budget')
    await sasha.getByLabel('Key').fill('budget')
    await sasha.getByLabel('Field').selectOption({ label: 'Custom attribute…' })
    await sasha.getByLabel('Custom attribute').fill('Budget')
    await sasha.getByLabel('Operator').selectOption({ label: 'is at least' })
    await sasha.getByLabel('Value').fill('10000')
    await sasha.getByText('In plain words: Budget (custom) is at least 10000').waitFor()
    await sasha.getByRole('button', { name: 'Add criterion' }).click()
    await sasha.getByText('Budget (custom) is at least 10000').waitFor()
    await sasha.getByRole('button', { name: 'Propose' }).click()
    await sasha.getByRole('dialog').getByRole('button', { name: 'Yes, propose' }).click()
    await sasha.getByText('Proposed — awaiting sign-off').waitFor()
    const versionUrl = sasha.url()
    await sasha.context().close()

    for (const [email, seat] of [
      ['victor@brightline.test', 'sales seat'],
      ['clara@brightline.test', 'marketing seat'],
    ] as const) {
      const member = await signedInAs(email)
      await member.goto(versionUrl)
      await member.getByText(`You sit in the ${seat}.`).waitFor()
      await member.getByRole('button', { name: 'Sign off' }).click()
      await member
        .getByText(/signed off by/)
        .first()
        .waitFor()
      await member.context().close()
    }

    const dana = await signedInAs('dana@brightline.test')
    await dana.goto(`${e2e.app.url}/definition`)
    await dana.getByRole('heading', { name: /^What a lead is — version 3/ }).waitFor()
    await dana.getByText('Real budget').waitFor()
    await dana.context().close()
  })
})
