import type { ActionFunction } from '@remix-run/node'
import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import ApiTokens from '~/routes/admin.api-tokens'

const TOKEN = `lc_1a2b3c4d_${'x'.repeat(43)}`
const LIST = {
  tokens: [
    {
      id: 1,
      name: 'Salesforce',
      prefix: '9f8e7d6c',
      scopes: ['leads:read', 'cases:read'],
      createdAt: '27 Nov 2026, 10:00',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      ratePerMinute: 600,
    },
  ],
}

function renderPage(action: ActionFunction) {
  const Stub = createRemixStub([
    { path: '/admin/api-tokens', Component: ApiTokens, loader: () => LIST, action },
  ])
  render(<Stub initialEntries={['/admin/api-tokens']} />)
}

describe('the API tokens page', () => {
  it('lists tokens by prefix, with Rotate and Revoke', async () => {
    renderPage(() => null)
    expect(await screen.findByText('lc_9f8e7d6c_…')).toBeInTheDocument()
    expect(screen.getByText('leads:read, cases:read')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Revoke Salesforce' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rotate Salesforce' })).toBeInTheDocument()
  })

  it('shows the new token once, after creating it', async () => {
    renderPage(() => ({
      intent: 'create',
      result: { status: 'success', initialValue: {} },
      notice: 'Token created. Copy the token now: it is not shown again.',
      payload: { token: TOKEN, prefix: '1a2b3c4d' },
    }))
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Name'), 'HubSpot')
    await user.click(screen.getByLabelText(/^leads:read/))
    await user.click(screen.getByRole('button', { name: 'Create token' }))
    expect(await screen.findByText(TOKEN)).toBeInTheDocument()
    expect(screen.getByText(/not shown again/)).toBeInTheDocument()
  })
})
