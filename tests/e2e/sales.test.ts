import { describe, expect, it } from 'vitest'
import { navigate, signedIn } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

describe('the sales side', () => {
  it('a rep works her queue, rejects a lead with a reason, and the marketer sees it', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    await dana.getByRole('heading', { name: 'Your queue' }).waitFor()
    const queue = dana.getByRole('table', { name: /waiting for you/ })
    const rows = queue.getByRole('row')
    // A header, four fresh demo leads and one near the end of its clock (reminded), each with
    // its clock.
    expect(await rows.count()).toBe(6)
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
    // The page reloads its data after the attempt and the reject form starts again from it:
    // on a busy machine that can land after the next click and wipe its error, so wait for it.
    await expect.poll(() => dana.getByLabel('Contact attempts').inputValue()).toBe('1')
    // Without a reason the form says so at once: the dialog asks only about a form that can go.
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByText('Choose a reason').last().waitFor()
    expect(await dana.getByRole('dialog').count()).toBe(0)
    await dana.getByLabel('Reason').selectOption({ label: 'No budget' })
    await dana
      .getByLabel('Notes', { exact: true })
      .fill('Budget frozen until April; call back in Q2')
    expect(await dana.getByLabel('Contact attempts').inputValue()).toBe('1')
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByRole('dialog').getByRole('button', { name: 'Yes, reject the lead' }).click()
    await dana.getByText(/Lead rejected\. A case is open/).waitFor()
    await dana.getByRole('heading', { name: 'Cases' }).waitFor()
    expect(await dana.getByRole('button', { name: 'Accept lead' }).count()).toBe(0)

    // The marketer who handed it over hears of it on her home page and in her list.
    const maya = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    const ben = await signedIn(e2e.browser, e2e.app.url, 'ben@brightline.test')
    const leadLink = (page: typeof maya) => page.locator(`a[href="${href}"]`)
    const marketer = (await leadLink(maya).count()) > 0 ? maya : ben
    const notice = marketer.getByRole('listitem').filter({ has: leadLink(marketer) })
    await notice.getByText(/Dana Reyes rejected it: No budget/).waitFor()
    await navigate(marketer, 'Cases', 'Court')
    await marketer.getByLabel('Stage').selectOption('before_contact')
    await marketer.getByRole('button', { name: 'Apply' }).click()
    const row = marketer.getByRole('row').filter({ has: leadLink(marketer) })
    await row.getByText('Budget frozen until April; call back in Q2').waitFor()
    expect(await row.getByText('No budget').count()).toBe(1)
    await marketer.goto(e2e.app.url)
    await notice.getByRole('button', { name: 'Mark as read' }).click()
    await leadLink(marketer).waitFor({ state: 'detached' })
    for (const page of [dana, maya, ben]) await page.context().close()
  })

  it('an admin adds a reason to the catalog and a rep can choose it', async () => {
    const sasha = await signedIn(e2e.browser, e2e.app.url, 'sasha@brightline.test')
    await navigate(sasha, 'Reasons', 'Admin')
    await sasha.getByLabel('Reason', { exact: true }).fill('Wrong territory')
    await sasha.getByLabel('Disputes criterion').selectOption('target_country')
    await sasha.getByRole('button', { name: 'Add reason' }).click()
    await sasha.getByRole('cell', { name: 'Wrong territory', exact: true }).waitFor()

    const omar = await signedIn(e2e.browser, e2e.app.url, 'omar@brightline.test')
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

describe('the judicial branch', () => {
  it('Dana rejects, Maya contests, Victor, Clara and Erin vote; the verdict reaches Dana and the lead is back in her queue', async () => {
    const dana = await signedIn(e2e.browser, e2e.app.url, 'dana@brightline.test')
    const queue = dana.getByRole('table', { name: /waiting for you/ })
    const first = queue.getByRole('link').first()
    const href = (await first.getAttribute('href')) as string
    await first.click()
    await dana.getByLabel('Reason').selectOption({ label: 'Unresponsive after repeated attempts' })
    await dana.getByLabel('Notes', { exact: true }).fill('Three calls, two e-mails, no answer')
    await dana.getByLabel('Contact attempts').fill('5')
    await dana.getByRole('button', { name: 'Reject lead' }).click()
    await dana.getByRole('dialog').getByRole('button', { name: 'Yes, reject the lead' }).click()
    await dana.getByText(/Lead rejected\. A case is open/).waitFor()
    const caseLink = dana.getByRole('link', { name: /^Case \d+$/ }).last()
    const caseHref = (await caseLink.getAttribute('href')) as string

    // Maya (or Ben, whoever handed the lead over) contests with a brief.
    const maya = await signedIn(e2e.browser, e2e.app.url, 'maya@brightline.test')
    await maya.goto(`${e2e.app.url}${caseHref}`)
    await maya
      .getByLabel('Brief')
      .fill('A VP at a 400-person logistics firm who asked for pricing twice.')
    await maya.getByRole('button', { name: 'Contest' }).click()
    await maya.getByText('Contested. Your brief is with the committee.').waitFor()

    // The three seats vote "meets"; the last vote decides.
    for (const email of ['victor', 'clara', 'erin']) {
      const member = await signedIn(e2e.browser, e2e.app.url, `${email}@brightline.test`)
      await member.getByRole('link', { name: 'The review queue' }).click()
      await member.getByRole('link', { name: `Case ${caseHref.split('/').pop()}` }).click()
      await member.getByRole('heading', { name: /^Case \d+:/ }).waitFor()
      await member.getByLabel('Meets the definition').check()
      await member.getByLabel('Rationale').fill(`${email}: the brief shows every criterion is met.`)
      await member.getByRole('button', { name: 'Cast vote', exact: true }).click()
      const done = member.getByText(/Your vote (is in|decided the case)\./)
      await done.waitFor()
      if (email === 'erin') expect(await done.textContent()).toBe('Your vote decided the case.')
      await member.context().close()
    }

    // Dana sees the verdict and its rationale at home, and the lead is back in her queue. The
    // notification is written by the job runner after the deciding vote commits (at once, when
    // the vote wakes it): a page loaded in between shows it on the next load.
    const notice = dana.getByRole('listitem').filter({ has: dana.locator(`a[href="${href}"]`) })
    const verdict = notice.getByText(/Verdict on case \d+: Meets the definition — back with Sales/)
    await expect
      .poll(
        async () => {
          await dana.goto(e2e.app.url)
          return verdict.count()
        },
        { timeout: 30_000 },
      )
      .toBe(1)
    await notice
      .getByText(/Erin Walsh \(executive|erin: the brief shows/)
      .first()
      .waitFor()
    const returned = dana
      .getByRole('table', { name: /waiting for you/ })
      .getByRole('row')
      .filter({ has: dana.locator(`a[href="${href}"]`) })
    await returned.getByText('Returned').waitFor()
    for (const page of [dana, maya]) await page.context().close()
  })
})
