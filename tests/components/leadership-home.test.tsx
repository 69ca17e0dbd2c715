import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { AcceptanceChart, TrendChart } from '~/components/charts'
import { LeadershipTiles } from '~/components/home/leadership-tiles'
import type { LeadershipTiles as Tiles } from '~/domain/people/leadership-home.server'
import { rateFigure } from '~/domain/reports/rates'

function renderIn(element: ReactNode) {
  const Stub = createRemixStub([{ path: '*', Component: () => element }])
  render(<Stub initialEntries={['/']} />)
}

const QUARTERS = '/reports/accuracy?period=quarter&from=2025-10-01&to=2026-11-28'
const TILES: Tiles = {
  accuracy: {
    href: QUARTERS,
    quarters: [rateFigure('2026 Q4', 0.8, 8, 10), rateFigure('2026 Q3', 2 / 3, 20, 30)],
  },
  followUp: {
    href: '/reports/sla?period=quarter&from=2025-10-01&to=2026-11-28',
    quarters: [rateFigure('2026 Q4', 0.5, 20, 40), rateFigure('2026 Q3', 0.5, 10, 20)],
  },
  review: {
    href: '/reports/sla?period=quarter&from=2025-10-01&to=2026-11-28',
    quarters: [rateFigure('2026 Q4', null, 0, 0), rateFigure('2026 Q3', 1, 12, 12)],
  },
  cases: {
    href: '/reports/sla?period=quarter&from=2025-10-01&to=2026-11-28',
    since: '2025-10-01',
    open: 1757,
    overdue: 3,
  },
  hindsight: {
    href: '/reports/hindsight?period=quarter&from=2025-10-01&to=2026-11-28',
    figure: rateFigure('2025-10-01 to 2026-11-28', 0.5, 5, 10),
  },
  acceptance: {
    href: '/reports/scorecard?period=quarter&from=2026-10-01&to=2026-11-28',
    benchmark: 0.9,
    quarters: [rateFigure('2026 Q4', 0.55, 55, 100), rateFigure('2026 Q3', 0.6, 60, 100)],
  },
  nurture: { href: '/nurture', size: 42 },
}

describe('leadership’s tiles', () => {
  it('rejection accuracy: this quarter, its n and interval, the trend in words, the links', async () => {
    renderIn(<LeadershipTiles tiles={TILES} />)
    const tile = await screen.findByRole('region', { name: 'Rejection accuracy' })
    expect(within(tile).getByText('80.0%')).toBeInTheDocument()
    expect(
      within(tile).getByText('2026 Q4: of 10 decided; 95% interval 49.0% to 94.3%'),
    ).toBeInTheDocument()
    expect(within(tile).getByText('Up 13.3 points on 2026 Q3')).toBeInTheDocument()
    expect(within(tile).getByText('2026 Q3: 66.7% of 30 decided')).toBeInTheDocument()
    expect(
      within(tile).getByRole('link', { name: 'Open the report: Rejection accuracy' }),
    ).toHaveAttribute('href', QUARTERS)
    expect(
      within(tile).getByRole('link', { name: 'How it is defined: Rejection accuracy' }),
    ).toHaveAttribute('href', '/reports/metrics#rejection-accuracy')
  })

  it('says in words when a rate rests on few cases, or has none', async () => {
    renderIn(<LeadershipTiles tiles={TILES} />)
    const review = await screen.findByRole('region', { name: 'Review SLA compliance' })
    expect(within(review).getByText('—')).toBeInTheDocument()
    expect(within(review).getByText('No change to tell from 2026 Q3')).toBeInTheDocument()
    const accuracy = screen.getByRole('region', { name: 'Rejection accuracy' })
    expect(within(accuracy).queryByText(/few cases/)).not.toBeInTheDocument()
    const hindsight = screen.getByRole('region', { name: 'Hindsight accuracy' })
    expect(within(hindsight).queryByText(/few cases/)).not.toBeInTheDocument()
  })

  it('flags acceptance below the 90% benchmark in words, and formats counts', async () => {
    renderIn(<LeadershipTiles tiles={TILES} />)
    const tile = await screen.findByRole('region', { name: 'Acceptance rate' })
    expect(within(tile).getByText('Below the 90% benchmark')).toBeInTheDocument()
    expect(within(tile).getByText('Down 5.0 points on 2026 Q3')).toBeInTheDocument()
    const cases = screen.getByRole('region', { name: 'Open and overdue cases' })
    expect(within(cases).getByText('1,757')).toBeInTheDocument()
    expect(within(cases).getByText('3 past their review due time')).toBeInTheDocument()
    expect(within(cases).getByText('Of cases opened since 1 Oct 2025')).toBeInTheDocument()
    const pool = screen.getByRole('region', { name: 'Nurture pool' })
    expect(within(pool).getByText('42')).toBeInTheDocument()
    expect(
      within(pool).getByRole('link', { name: 'Open the report: Nurture pool' }),
    ).toHaveAttribute('href', '/nurture')
  })
})

type Row = { name: string; decided: number; upheld: number; accuracy: number | null }
const ROWS: Row[] = [
  { name: '2026-09', decided: 1, upheld: 1, accuracy: 1 },
  { name: '2026-10', decided: 10, upheld: 8, accuracy: 0.8 },
  { name: '2026-11', decided: 0, upheld: 0, accuracy: null },
]

function Accuracy() {
  return (
    <TrendChart
      title="Rejection accuracy by period"
      periodTitle="Month the case opened"
      rows={ROWS}
      bar={{ label: 'Decided', value: (r) => r.decided }}
      rate={{
        label: 'Accuracy',
        value: (r) => r.accuracy,
        successes: (r) => r.upheld,
        n: (r) => r.decided,
        nLabel: 'decided',
      }}
      markers={[{ period: '2026-10', label: 'v2', on: '2026-10-14' }]}
    />
  )
}

describe('a time chart', () => {
  it('is a named figure: one image with a summary, nothing in it to focus', async () => {
    renderIn(<Accuracy />)
    const figure = await screen.findByRole('figure', { name: 'Rejection accuracy by period' })
    const image = within(figure).getByRole('img')
    expect(image).toHaveAccessibleName(
      'Rejection accuracy by period, 2026-09 to 2026-11. Latest accuracy: 80.0% in 2026-10, of 10 decided. Definition v2 took effect in 2026-10. The table of the chart’s figures follows.',
    )
    expect(image).not.toHaveAttribute('aria-hidden')
    expect(image.querySelectorAll('[tabindex]:not([tabindex="-1"])')).toHaveLength(0)
  })

  it('gives each period’s n, rate and 95% interval in a table, with few cases and versions in words', async () => {
    renderIn(<Accuracy />)
    await userEvent.click(await screen.findByText('The chart’s figures as a table'))
    const table = screen.getByRole('table', {
      name: 'Rejection accuracy by period: each period’s n and 95% interval',
    })
    const rows = within(table)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      )
    expect(rows.slice(1)).toEqual([
      ['2026-09', '1', '100.0%', '1', '20.7% to 100.0%', 'few cases'],
      ['2026-10', '10', '80.0%', '10', '49.0% to 94.3%', 'v2 took effect'],
      ['2026-11', '0', '—', '0', '—', ''],
    ])
  })
})

describe('the scorecard’s chart', () => {
  it('names the reps below the benchmark in its summary and its table', async () => {
    renderIn(
      <AcceptanceChart
        rows={[
          { repId: 1, name: 'Dana Reyes', received: 25, accepted: 12, acceptanceRate: 0.48 },
          { repId: 2, name: 'Omar Haddad', received: 10, accepted: 9, acceptanceRate: 0.9 },
        ]}
      />,
    )
    const figure = await screen.findByRole('figure', {
      name: 'Acceptance rate by rep, against the 90% benchmark',
    })
    expect(within(figure).getByRole('img')).toHaveAccessibleName(
      'Acceptance rate by rep, against the 90% benchmark. 1 of 2 reps below it: Dana Reyes 48.0%. The table of the chart’s figures follows.',
    )
    const table = within(figure).getByRole('table', { hidden: true })
    expect(within(table).getByText('Below 90%')).toBeInTheDocument()
    expect(within(table).getByText('Meets 90%')).toBeInTheDocument()
  })
})
