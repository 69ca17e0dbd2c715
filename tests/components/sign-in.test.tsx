import type { ActionFunction } from '@remix-run/node'
import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import SignIn from '~/routes/sign-in'

function HomeStub() {
  return <p>Home page</p>
}

function renderSignIn(action: ActionFunction = () => null) {
  const Stub = createRemixStub([
    { path: '/sign-in', Component: SignIn, loader: () => ({ needsSetup: false }), action },
    { path: '/', Component: HomeStub },
  ])
  render(<Stub initialEntries={['/sign-in']} />)
}

describe('sign-in form', () => {
  it('has labelled Email and Password fields and a Sign in button', async () => {
    renderSignIn()
    expect(await screen.findByRole('heading', { name: 'Sign in to Leadcourt' })).toBeInTheDocument()
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password')
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  })

  it('says what is missing before anything is sent, and marks the fields invalid', async () => {
    let submitted = false
    renderSignIn(() => {
      submitted = true
      return null
    })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Enter an e-mail address')).toBeInTheDocument()
    expect(screen.getByText('Enter your password')).toBeInTheDocument()
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address')
    expect(submitted).toBe(false)
  })

  it('shows the server’s refusal as an alert', async () => {
    renderSignIn(() => ({
      intent: 'sign-in',
      result: {
        status: 'error',
        error: { '': ['That e-mail and password do not match an active account.'] },
      },
      notice: null,
      payload: null,
    }))
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Email'), 'dana@brightline.test')
    await user.type(screen.getByLabelText('Password'), 'wrong-password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That e-mail and password do not match an active account.',
    )
  })
})
