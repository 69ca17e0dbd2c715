// Decision 43: the queues' keyboard shortcuts, by role and label.
import { Link } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { QueueKeys } from '~/components/queue-keys'

const ROWS = [
  { id: 11, href: '/leads/11', name: 'Ada Byron' },
  { id: 12, href: '/leads/12', name: 'Alan Turing' },
  { id: 13, href: '/leads/13', name: 'Grace Hopper' },
]

function Queue() {
  return (
    <>
      <label htmlFor="filter-q">Search</label>
      <input id="filter-q" type="search" />
      <QueueKeys rows={ROWS} searchId="filter-q" canWork>
        <table>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={r.href}>{r.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueueKeys>
    </>
  )
}

function renderQueue() {
  const Stub = createRemixStub([
    { path: '/', Component: Queue },
    { path: '/leads/:id', Component: () => <h1>The lead</h1>, action: () => null },
  ])
  render(<Stub initialEntries={['/']} />)
}

describe('queue keys', () => {
  it('j and k move the current row, its link focused; Enter opens it', async () => {
    const user = userEvent.setup()
    renderQueue()
    await screen.findByRole('link', { name: 'Ada Byron' })
    await user.keyboard('j')
    expect(screen.getByRole('link', { name: 'Ada Byron' })).toHaveFocus()
    await user.keyboard('jj')
    expect(screen.getByRole('link', { name: 'Grace Hopper' })).toHaveFocus()
    await user.keyboard('j')
    expect(screen.getByRole('link', { name: 'Grace Hopper' })).toHaveFocus()
    await user.keyboard('k')
    const alan = screen.getByRole('link', { name: 'Alan Turing' })
    expect(alan).toHaveFocus()
    expect(alan.closest('tr')).toHaveAttribute('data-queue-current')
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'The lead' })).toBeInTheDocument()
  })

  it('/ focuses the search field, and keys typed there stay in it', async () => {
    const user = userEvent.setup()
    renderQueue()
    await screen.findByRole('link', { name: 'Ada Byron' })
    await user.keyboard('/')
    const search = screen.getByRole('searchbox', { name: 'Search' })
    expect(search).toHaveFocus()
    await user.keyboard('jk?')
    expect(search).toHaveValue('jk?')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('? opens the help dialog listing the keys; Escape closes it', async () => {
    const user = userEvent.setup()
    renderQueue()
    await screen.findByRole('link', { name: 'Ada Byron' })
    await user.keyboard('?')
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(dialog).toHaveTextContent('Next row')
    expect(dialog).toHaveTextContent('Accept the lead')
    expect(dialog).toHaveTextContent('Reject the lead (opens the reject form)')
    expect(dialog).toHaveTextContent('Go to the search field')
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('ignores keys with a modifier', async () => {
    const user = userEvent.setup()
    renderQueue()
    await screen.findByRole('link', { name: 'Ada Byron' })
    await user.keyboard('{Control>}j{/Control}')
    expect(screen.getByRole('link', { name: 'Ada Byron' })).not.toHaveFocus()
  })
})
