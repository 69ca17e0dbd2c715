import { useLoaderData } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppNav, type NavUser } from '~/components/app-nav'

function NavWithUser() {
  const { user } = useLoaderData<{ user: NavUser }>()
  return <AppNav user={user} organisationName="Brightline Systems" />
}

function renderNav(user: NavUser, path = '/') {
  const Stub = createRemixStub([{ path: '*', Component: NavWithUser, loader: () => ({ user }) }])
  render(<Stub initialEntries={[path]} />)
}

const linkNames = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent)

describe('navigation', () => {
  it('a rep sees only what reps may open', async () => {
    renderNav({ name: 'Dana Reyes', roles: ['rep'] })
    await screen.findByRole('navigation', { name: 'Main' })
    expect(linkNames()).toEqual(['Home', 'Leads', 'Cases', 'Reports', 'Lead definition'])
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument()
  })

  it('an admin sees the admin pages', async () => {
    renderNav({ name: 'Sasha Ivanova', roles: ['admin'] })
    await screen.findByRole('navigation', { name: 'Main' })
    expect(linkNames()).toEqual([
      'Home',
      'Leads',
      'Cases',
      'Review queue',
      'Reports',
      'Nurture pool',
      'Hindsight',
      'Imports',
      'Lead definition',
      'Audit trail',
      'Users',
      'Reasons',
      'Settings',
      'API tokens',
      'Webhooks',
      'Mailbox',
    ])
  })

  it('leadership sees the audit trail but not user management', async () => {
    renderNav({ name: 'Felix Novak', roles: ['leadership'] })
    await screen.findByRole('navigation', { name: 'Main' })
    expect(linkNames()).toEqual([
      'Home',
      'Leads',
      'Cases',
      'Review queue',
      'Reports',
      'Nurture pool',
      'Hindsight',
      'Lead definition',
      'Audit trail',
    ])
  })

  it('marks the current page and offers Sign out', async () => {
    renderNav({ name: 'Sasha Ivanova', roles: ['admin'] }, '/admin/users')
    const users = await screen.findByRole('link', { name: 'Users' })
    expect(users).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
    expect(screen.getByText('Sasha Ivanova')).toBeInTheDocument()
  })
})
