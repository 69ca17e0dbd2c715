import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ReportErrorBoundary } from '~/components/report-error'

function Never() {
  return null
}

function renderRefused(status: number, text: string) {
  const loader = () => {
    throw new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const Stub = createRemixStub([
    { path: '/reports/accuracy', Component: Never, ErrorBoundary: ReportErrorBoundary, loader },
  ])
  render(<Stub initialEntries={['/reports/accuracy?from=2026-02-31']} />)
}

describe('a report page’s error boundary', () => {
  it('a 400 shows the message naming the field, and a way back to the default range', async () => {
    renderRefused(400, 'from: 2026-02-31 is not a date in the calendar')
    expect(
      await screen.findByRole('heading', {
        name: 'This report cannot be shown with these filters',
      }),
    ).toBeInTheDocument()
    expect(screen.getByText('Error 400')).toBeInTheDocument()
    expect(screen.getByText('from: 2026-02-31 is not a date in the calendar')).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'Open the report for the last twelve months' }),
    ).toHaveAttribute('href', '/reports/accuracy')
  })

  it('a 503 says the report took too long', async () => {
    renderRefused(503, 'This report took too long to prepare and was stopped.')
    expect(
      await screen.findByRole('heading', { name: 'This report took too long' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText('This report took too long to prepare and was stopped.'),
    ).toBeInTheDocument()
  })

  it('a 403 is not explained with the server’s text', async () => {
    renderRefused(403, 'Forbidden')
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeInTheDocument()
    expect(screen.queryByText('Forbidden')).not.toBeInTheDocument()
  })
})
