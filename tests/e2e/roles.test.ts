import { describe, expect, it } from 'vitest'
import { navigate, signIn, signOut } from './app-server'
import { appAndBrowser } from './with-app'

const e2e = appAndBrowser()

// Each role's navigation as it first shows: its links and its groups' menus (decision 37;
// what each menu holds is tests/components/navigation.test.tsx's).
const ROLES = [
  {
    email: 'dana@brightline.test',
    name: 'Dana Reyes',
    nav: ['Home', 'Leads', 'Court', 'Reports'],
    home: 'Your queue',
  },
  {
    email: 'omar@brightline.test',
    name: 'Omar Haddad',
    nav: ['Home', 'Leads', 'Court', 'Reports'],
    home: 'Your queue',
  },
  {
    email: 'lucy@brightline.test',
    name: 'Lucy Chen',
    nav: ['Home', 'Leads', 'Court', 'Reports'],
    home: 'Your queue',
  },
  {
    email: 'maya@brightline.test',
    name: 'Maya Patel',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Rejected and ignored leads',
  },
  {
    email: 'ben@brightline.test',
    name: 'Ben Okafor',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Rejected and ignored leads',
  },
  {
    email: 'victor@brightline.test',
    name: 'Victor Lindqvist',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Cases needing your vote',
  },
  {
    email: 'clara@brightline.test',
    name: 'Clara Moreau',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Cases needing your vote',
  },
  {
    email: 'erin@brightline.test',
    name: 'Erin Walsh',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Cases needing your vote',
  },
  {
    email: 'felix@brightline.test',
    name: 'Felix Novak',
    nav: ['Home', 'Work', 'Court', 'Insight'],
    home: 'Reports',
  },
  {
    email: 'sasha@brightline.test',
    name: 'Sasha Ivanova',
    nav: ['Home', 'Work', 'Court', 'Insight', 'Admin'],
    home: 'Administration',
  },
]

describe('every demo role', () => {
  it.each(ROLES)(
    '$email signs in, sees their own navigation and home, and signs out',
    async (role) => {
      const context = await e2e.browser.newContext()
      const page = await context.newPage()
      await signIn(page, e2e.app.url, role.email)
      await page.getByRole('heading', { name: `Welcome, ${role.name}` }).waitFor()
      const nav = page.getByRole('navigation', { name: 'Main' })
      expect(await nav.locator(':scope > ul > li').allInnerTexts()).toEqual(role.nav)
      await page.getByRole('heading', { name: role.home }).waitFor()
      const [session] = await context.cookies()
      expect(session).toMatchObject({
        name: 'lc_session',
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
      })

      await signOut(page)
      // The session is gone on the server: home sends us back to sign in.
      await page.goto(`${e2e.app.url}/`)
      await page.getByRole('heading', { name: 'Sign in to Leadcourt' }).waitFor()
      await context.close()
    },
  )
})

describe('journeys around roles', () => {
  it('a rep who types an admin address sees the friendly 403 page', async () => {
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await signIn(page, e2e.app.url, 'dana@brightline.test')
    await page.getByRole('heading', { name: 'Welcome, Dana Reyes' }).waitFor()
    const response = await page.goto(`${e2e.app.url}/admin/users`)
    expect(response?.status()).toBe(403)
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor()
    const missing = await page.goto(`${e2e.app.url}/no/such/page`)
    expect(missing?.status()).toBe(404)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await context.close()
  })

  it('a fourth wrong password in a row from one address is held back, with Retry-After', async () => {
    const attempt = () =>
      fetch(`${e2e.app.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: e2e.app.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'lucy@brightline.test', password: 'guess-guess-guess' }),
      })
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(400)
    const held = await attempt()
    expect(held.status).toBe(429)
    // The pair's first wait is 10 s from the third failure (decision 22), less what has passed.
    const retryAfter = Number(held.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(10)
    expect(await held.text()).toMatch(/Too many attempts; try again in \d+ seconds?\./)
  })

  it('a wrong password is told plainly and the e-mail is kept', async () => {
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${e2e.app.url}/sign-in`)
    await page.getByLabel('Email').fill('omar@brightline.test')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page
      .getByRole('alert')
      .getByText('That e-mail and password do not match an active account.')
      .waitFor()
    expect(await page.getByLabel('Email').inputValue()).toBe('omar@brightline.test')
    await context.close()
  })

  it('an admin adds a user, who signs in with the temporary password and must choose their own', async () => {
    const admin = await e2e.browser.newContext()
    const page = await admin.newPage()
    await signIn(page, e2e.app.url, 'sasha@brightline.test')
    await navigate(page, 'Users', 'Admin')
    await page.getByRole('link', { name: 'Add user' }).click()
    await page.getByLabel('Name').fill('Rita Gomez')
    await page.getByLabel('Email').fill('rita@brightline.test')
    await page.getByLabel('Sales rep').check()
    await page.getByRole('button', { name: 'Add user' }).click()
    const temporary = await page.locator('code').textContent()
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    await admin.close()

    const rita = await e2e.browser.newContext()
    const ritaPage = await rita.newPage()
    await ritaPage.goto(`${e2e.app.url}/sign-in`)
    await ritaPage.getByLabel('Email').fill('rita@brightline.test')
    await ritaPage.getByLabel('Password').fill(temporary ?? '')
    await ritaPage.getByRole('button', { name: 'Sign in' }).click()
    await ritaPage.getByRole('heading', { name: 'Change password' }).waitFor()
    await ritaPage.getByLabel('Temporary password').fill(temporary ?? '')
    await ritaPage.getByLabel('New password', { exact: true }).fill('violet-harbour-lantern')
    await ritaPage.getByLabel('Repeat new password').fill('violet-harbour-lantern')
    await ritaPage.getByRole('button', { name: 'Save password' }).click()
    await ritaPage.getByRole('heading', { name: 'Welcome, Rita Gomez' }).waitFor()
    await ritaPage.getByText('Your password has been changed.').waitFor()
    await rita.close()
  })
})
