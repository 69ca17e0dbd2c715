import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LeadThenAndNow, ReasonCriterionNote } from '~/components/case-reading'
import { VoteForm } from '~/components/vote-form'
import type { CriterionReading } from '~/domain/definition/reading'

const FIELDS = [
  { label: 'Email', opened: 'ana@acme.test', current: 'ana@acme.test', changed: false },
  { label: 'Title', opened: null, current: 'CFO', changed: true },
  { label: 'Employee count', opened: '40', current: '400', changed: true },
  { label: 'Country', opened: 'Canada', current: 'Canada', changed: false },
]

const CRITERIA: CriterionReading[] = [
  {
    key: 'size',
    label: 'Company size',
    required: true,
    rule: 'Employee count is at least 50',
    field: 'Employee count',
    valueThen: '40',
    valueNow: '400',
    changed: true,
    result: 'unmet',
    resultNow: 'met',
  },
  {
    key: 'region',
    label: 'Region',
    required: false,
    rule: 'Country is one of Canada or United States',
    field: 'Country',
    valueThen: 'Canada',
    valueNow: 'Canada',
    changed: false,
    result: 'met',
    resultNow: 'met',
  },
]

describe('the lead then and now', () => {
  it('lists changed fields first, each marked, Then and Now; folds the unchanged ones', () => {
    render(<LeadThenAndNow fields={FIELDS} />)
    expect(screen.getByRole('heading', { name: '2 fields changed since the case opened' }))
    const changed = screen.getByLabelText('Changed fields')
    const terms = within(changed).getAllByRole('term')
    expect(terms.map((t) => t.textContent)).toEqual(['Title (changed)', 'Employee count (changed)'])
    const values = within(changed).getAllByRole('definition')
    expect(values.map((d) => d.textContent)).toEqual(['Thenblank', 'NowCFO', 'Then40', 'Now400'])
    // The unchanged fields are folded away behind a disclosure that says how many.
    const fold = screen.getByText('2 fields unchanged')
    expect(fold.tagName).toBe('SUMMARY')
    expect(fold.closest('details')?.open).toBe(false)
    expect(within(fold.closest('details') as HTMLElement).getByText('ana@acme.test'))
  })

  it('says so when nothing changed', () => {
    render(<LeadThenAndNow fields={FIELDS.filter((f) => !f.changed)} />)
    expect(screen.getByText('No field has changed since the case opened.'))
  })
})

describe('the reason’s criterion', () => {
  it('shows the rule and the lead’s value, flagged when the definition found it met', () => {
    const { rerender } = render(
      <ReasonCriterionNote
        criterion={{
          label: 'Region',
          rule: 'Country is one of Canada or United States',
          field: 'Country',
          value: 'Canada',
          result: 'met',
          contradicted: true,
        }}
      />,
    )
    expect(screen.getByText('Country is one of Canada or United States', { exact: false }))
    expect(screen.getByText('Met'))
    expect(screen.getByText('The definition found this criterion met when the lead was rejected.'))
    rerender(
      <ReasonCriterionNote
        criterion={{
          label: 'Region',
          rule: 'Country is one of Canada or United States',
          field: 'Country',
          value: 'France',
          result: 'unmet',
          contradicted: false,
        }}
      />,
    )
    expect(screen.queryByText(/found this criterion met/)).toBeNull()
    expect(screen.getByText('Not met'))
  })
})

function renderVoteForm(current: Record<string, unknown> | null = null) {
  const Stub = createRemixStub([
    {
      path: '/cases/1',
      Component: () => (
        <VoteForm
          lastResult={null}
          title="Against the definition (version 2)"
          criteria={CRITERIA}
          reps={[['3', 'Dana Reyes']]}
          current={current}
        />
      ),
    },
  ])
  render(<Stub initialEntries={['/cases/1']} />)
}

describe('the vote form', () => {
  it('puts each criterion’s rule, value and result beside "Your finding"', async () => {
    renderVoteForm()
    const group = await screen.findByRole('group', { name: 'Against the definition (version 2)' })
    const items = within(group).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const size = within(group).getByRole('listitem', { name: 'Company size' })
    expect(within(size).getByText('Employee count is at least 50'))
    // The value then and now, the result then and now.
    expect(size).toHaveTextContent('Lead’s value then: 40')
    expect(size).toHaveTextContent('Now: 400 — now Met')
    expect(within(size).getByText('Not met', { selector: 'span' }))
    const finding = within(size).getByRole('combobox', { name: 'Your finding on Company size' })
    expect(finding).toHaveAttribute('name', 'finding.size')
    expect(
      within(finding)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['As evaluated: Not met', 'Met', 'Not met'])
    const region = within(group).getByRole('listitem', { name: 'Region' })
    expect(
      within(region).getByRole('combobox', { name: 'Your finding on Region' }),
    ).toHaveAttribute('name', 'finding.region')
    // The verdict, rationale and the button follow the criteria, once.
    expect(screen.getByRole('group', { name: 'Verdict' }))
    expect(screen.getByLabelText('Rationale')).toHaveAttribute('name', 'rationale')
    expect(screen.getAllByRole('button', { name: 'Cast vote' })).toHaveLength(1)
  })

  it('asks for the verdict and the rationale before sending, by name', async () => {
    renderVoteForm()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Cast vote' }))
    expect(
      await screen.findByText('Choose “Meets the definition” or “Does not meet the definition”'),
    )
    expect(screen.getByText('Write your rationale'))
  })

  it('shows the member’s vote to change, their findings selected', async () => {
    renderVoteForm({ verdict: 'meets', rationale: 'Fine.', finding: { size: 'met' } })
    expect(await screen.findByText('Change your vote'))
    expect(screen.getByRole('combobox', { name: 'Your finding on Company size' })).toHaveValue(
      'met',
    )
    expect(screen.getByLabelText('Meets the definition')).toBeChecked()
  })
})
