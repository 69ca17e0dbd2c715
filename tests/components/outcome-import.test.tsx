import type { ActionFunction } from '@remix-run/node'
import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import ImportOutcomes from '~/routes/hindsight.import'

function renderPage(action: ActionFunction) {
  const Stub = createRemixStub([
    { path: '/hindsight/import', Component: ImportOutcomes, loader: () => null, action },
  ])
  render(<Stub initialEntries={['/hindsight/import']} />)
}

const reply = (result: unknown, payload: unknown = null) => ({
  intent: 'import',
  result,
  notice: null,
  payload,
})

async function submit(order: string) {
  const user = userEvent.setup()
  const file = new File(['External id,Outcome,Date\n'], 'outcomes.csv', { type: 'text/csv' })
  await user.upload(await screen.findByLabelText('CSV file'), file)
  await user.selectOptions(screen.getByLabelText('Order of numeric dates'), order)
  await user.click(screen.getByRole('button', { name: 'Import outcomes' }))
}

describe('the outcome import page', () => {
  it('offers the order of numeric dates, not needed by default', async () => {
    renderPage(() => null)
    const select = await screen.findByLabelText('Order of numeric dates')
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([
      ['', 'Not needed'],
      ['day-first', 'Day first (03/04/2026 is 3 April 2026)'],
      ['month-first', 'Month first (03/04/2026 is 4 March 2026)'],
    ])
    expect(select).toHaveValue('')
  })

  it('shows a refusal about the order by the select, and one about the file by the file', async () => {
    const asked = 'This file’s dates could be day-first or month-first: choose which.'
    renderPage(() =>
      reply({ status: 'error', error: { dateOrder: [asked], file: ['The file is empty.'] } }),
    )
    await submit('')
    expect(await screen.findByText(asked)).toBeInTheDocument()
    expect(screen.getByLabelText('Order of numeric dates')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Order of numeric dates')).toHaveAccessibleDescription(
      expect.stringContaining(asked),
    )
    expect(screen.getByLabelText('CSV file')).toHaveAccessibleDescription('The file is empty.')
  })

  it('reports how the first rows’ dates were read', async () => {
    renderPage(() =>
      reply(null, {
        ok: true,
        recorded: 1,
        unchanged: 0,
        failed: [],
        failedCsv: 'line,lead,reason\n',
        dateOrder: 'month-first',
        readings: [
          { line: 2, text: '12/01/2026', date: '2026-12-01', format: 'month-first numeric' },
        ],
      }),
    )
    await submit('month-first')
    expect(await screen.findByRole('status')).toHaveTextContent(
      '1 recorded, 0 already recorded, 0 failed. Numeric dates were read month first.',
    )
    const table = screen.getByRole('table', { name: 'How the first rows’ dates were read' })
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) =>
          within(row)
            .queryAllByRole('cell')
            .map((c) => c.textContent),
        ),
    ).toEqual([[], ['2', '12/01/2026', '2026-12-01', 'month-first numeric']])
  })
})
