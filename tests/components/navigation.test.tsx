import { useLoaderData } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AppNav, type NavUser } from '~/components/app-nav'

function NavWithUser() {
  const { user } = useLoaderData<{ user: NavUser }>()
  return (
    <>
      <AppNav user={user} organisationName="Brightline Systems" />
      <p>Page</p>
    </>
  )
}

async function renderNav(user: NavUser, path = '/') {
  const Stub = createRemixStub([{ path: '*', Component: NavWithUser, loader: () => ({ user }) }])
  render(<Stub initialEntries={[path]} />)
  return screen.findByRole('navigation', { name: 'Main' })
}

/** The navigation's top row: its links and its menus' buttons, as a reader meets them. */
const topRow = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.parentElement === nav)
    .map((item) => {
      const button = within(item).queryByRole('button')
      return button ? `${button.textContent} ▾` : item.textContent
    })

/** The links a menu shows once its button is pressed. */
async function menuLinks(name: string) {
  const button = screen.getByRole('button', { name })
  expect(button).toHaveAttribute('aria-expanded', 'false')
  await userEvent.click(button)
  expect(button).toHaveAttribute('aria-expanded', 'true')
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '')
  if (!panel) throw new Error(`${name} controls no panel`)
  const names = within(panel)
    .getAllByRole('link')
    .map((link) => link.textContent)
  await userEvent.click(button)
  return names
}

describe('navigation', () => {
  it('a rep sees Home, Leads and Reports as links and the court as a menu', async () => {
    const nav = await renderNav({ name: 'Dana Reyes', roles: ['rep'] })
    expect(topRow(nav)).toEqual(['Home', 'Leads', 'Court ▾', 'Reports'])
    expect(await menuLinks('Court')).toEqual(['Cases', 'Lead definition'])
    expect(screen.queryByRole('button', { name: 'Admin' })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument()
  })

  it('a marketer works leads, nurture and imports from one menu', async () => {
    const nav = await renderNav({ name: 'Maya Patel', roles: ['marketer'] })
    expect(topRow(nav)).toEqual(['Home', 'Work ▾', 'Court ▾', 'Insight ▾'])
    expect(await menuLinks('Work')).toEqual(['Leads', 'Nurture pool', 'Imports'])
    expect(await menuLinks('Court')).toEqual(['Cases', 'Lead definition'])
    expect(await menuLinks('Insight')).toEqual(['Reports', 'Hindsight'])
  })

  it('a committee member finds the review queue in the court', async () => {
    const nav = await renderNav({ name: 'Victor Lindqvist', roles: ['committee'] })
    expect(topRow(nav)).toEqual(['Home', 'Work ▾', 'Court ▾', 'Insight ▾'])
    expect(await menuLinks('Work')).toEqual(['Leads', 'Nurture pool'])
    expect(await menuLinks('Court')).toEqual(['Cases', 'Review queue', 'Lead definition'])
  })

  it('leadership sees the audit trail but not user management', async () => {
    const nav = await renderNav({ name: 'Felix Novak', roles: ['leadership'] })
    expect(topRow(nav)).toEqual(['Home', 'Work ▾', 'Court ▾', 'Insight ▾'])
    expect(await menuLinks('Insight')).toEqual(['Reports', 'Hindsight', 'Audit trail'])
    expect(screen.queryByRole('button', { name: 'Admin' })).not.toBeInTheDocument()
  })

  it('an admin sees every page, in five places', async () => {
    const nav = await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] })
    expect(topRow(nav)).toEqual(['Home', 'Work ▾', 'Court ▾', 'Insight ▾', 'Admin ▾'])
    expect(await menuLinks('Work')).toEqual(['Leads', 'Nurture pool', 'Imports'])
    expect(await menuLinks('Court')).toEqual(['Cases', 'Review queue', 'Lead definition'])
    expect(await menuLinks('Insight')).toEqual(['Reports', 'Hindsight', 'Audit trail'])
    expect(await menuLinks('Admin')).toEqual([
      'Users',
      'Reasons',
      'Settings',
      'API tokens',
      'Webhooks',
      'Mailbox',
    ])
  })

  it('marks the group of the page shown and the page in it', async () => {
    await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] }, '/admin/users/3')
    const admin = screen.getByRole('button', { name: 'Admin' })
    expect(admin).toHaveAttribute('aria-current', 'true')
    expect(screen.getByRole('button', { name: 'Court' })).not.toHaveAttribute('aria-current')
    expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current')
    await userEvent.click(admin)
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('link', { name: 'Reasons' })).not.toHaveAttribute('aria-current')
  })

  it('a case opened from the review queue is in the review queue, else in the cases', async () => {
    await renderNav({ name: 'Victor Lindqvist', roles: ['committee'] }, '/cases/12?via=review')
    const court = screen.getByRole('button', { name: 'Court' })
    expect(court).toHaveAttribute('aria-current', 'true')
    await userEvent.click(court)
    expect(screen.getByRole('link', { name: 'Review queue' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(screen.getByRole('link', { name: 'Cases' })).not.toHaveAttribute('aria-current')
  })

  it('a case opened elsewhere is in the cases; "via" naming no list is ignored', async () => {
    await renderNav({ name: 'Victor Lindqvist', roles: ['committee'] }, '/cases/12?via=elsewhere')
    await userEvent.click(screen.getByRole('button', { name: 'Court' }))
    expect(screen.getByRole('link', { name: 'Cases' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('link', { name: 'Review queue' })).not.toHaveAttribute('aria-current')
  })

  it('"via" moves only the pages its list opens: the audit trail stays the audit trail', async () => {
    await renderNav(
      { name: 'Felix Grant', roles: ['committee', 'leadership'] },
      '/audit?via=review',
    )
    expect(screen.getByRole('button', { name: 'Court' })).not.toHaveAttribute('aria-current')
    const insight = screen.getByRole('button', { name: 'Insight' })
    expect(insight).toHaveAttribute('aria-current', 'true')
    await userEvent.click(insight)
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  it('a rep, who has no review queue, sees such a case in the cases', async () => {
    await renderNav({ name: 'Dana Reyes', roles: ['rep'] }, '/cases/12?via=review')
    await userEvent.click(screen.getByRole('button', { name: 'Court' }))
    expect(screen.getByRole('link', { name: 'Cases' })).toHaveAttribute('aria-current', 'page')
  })

  it('a menu opens and closes by keyboard; Escape closes it and focus returns to its button', async () => {
    await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] })
    const work = screen.getByRole('button', { name: 'Work' })
    work.focus()
    await userEvent.keyboard('{Enter}')
    expect(work).toHaveAttribute('aria-expanded', 'true')
    await userEvent.tab()
    expect(screen.getByRole('link', { name: 'Leads' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    expect(work).toHaveAttribute('aria-expanded', 'false')
    expect(work).toHaveFocus()
    expect(screen.queryByRole('link', { name: 'Leads' })).not.toBeInTheDocument()
    await userEvent.keyboard(' ')
    expect(work).toHaveAttribute('aria-expanded', 'true')
  })

  it('one menu at a time: opening another, or clicking the page, closes it', async () => {
    await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] })
    const work = screen.getByRole('button', { name: 'Work' })
    const court = screen.getByRole('button', { name: 'Court' })
    await userEvent.click(work)
    await userEvent.click(court)
    expect(work).toHaveAttribute('aria-expanded', 'false')
    expect(court).toHaveAttribute('aria-expanded', 'true')
    await userEvent.click(screen.getByText('Page'))
    expect(court).toHaveAttribute('aria-expanded', 'false')
  })

  it('following a link in a menu closes it', async () => {
    await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] })
    const admin = screen.getByRole('button', { name: 'Admin' })
    await userEvent.click(admin)
    await userEvent.click(screen.getByRole('link', { name: 'Settings' }))
    expect(admin).toHaveAttribute('aria-expanded', 'false')
    expect(admin).toHaveAttribute('aria-current', 'true')
  })

  it('the account menu holds who is signed in, their account pages and Sign out', async () => {
    await renderNav({ name: 'Sasha Ivanova', roles: ['admin'] }, '/account/email')
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
    const account = screen.getByRole('button', { name: 'Account: Sasha Ivanova' })
    expect(account).toHaveAttribute('aria-current', 'true')
    await userEvent.click(account)
    const panel = document.getElementById(account.getAttribute('aria-controls') ?? '')
    expect(panel).toHaveTextContent('Signed in as Sasha IvanovaAdmin')
    expect(screen.getByRole('link', { name: 'Change password' })).not.toHaveAttribute(
      'aria-current',
    )
    expect(screen.getByRole('link', { name: 'E-mail' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })
})
