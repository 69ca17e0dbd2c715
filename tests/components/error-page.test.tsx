import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '~/root'

function Never() {
  return null
}

function renderFailing(loader: () => never) {
  const Stub = createRemixStub([{ path: '/', Component: Never, ErrorBoundary, loader }])
  render(<Stub initialEntries={['/']} />)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('shared error page', () => {
  it('a crash shows a friendly 500 page with a way home, not the stack', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderFailing(() => {
      throw new Error('database exploded at line 42')
    })
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument()
    expect(screen.getByText('Error 500')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to your home page' })).toHaveAttribute('href', '/')
    expect(screen.queryByText(/exploded/)).not.toBeInTheDocument()
  })

  it('403 and 404 say what happened in plain words', async () => {
    renderFailing(() => {
      throw new Response('Forbidden', { status: 403 })
    })
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeInTheDocument()
  })

  it('a refused cross-site request is explained as such', async () => {
    renderFailing(() => {
      throw new Response('cross-origin', { status: 403 })
    })
    expect(
      await screen.findByRole('heading', { name: 'That request came from another site' }),
    ).toBeInTheDocument()
  })
})
