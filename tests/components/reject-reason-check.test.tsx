// Decision 41: the reject form shows what the definition found for the chosen reason's
// criterion, from the page's data, and the verdicts report says what each departure count counts.
import { createRemixStub } from '@remix-run/testing'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DEPARTURES_EXPLAINED, DeparturesCard } from '~/components/departures-card'
import { RejectLeadForm } from '~/components/lead-actions'
import type { RejectReason } from '~/components/reason-check'

const REASONS: RejectReason[] = [
  {
    id: 1,
    label: 'Outside ideal customer profile',
    notesRequired: false,
    namesWorkingLead: false,
    check: { text: 'Ideal customer size: 1,200 employees — met', noteRequired: true },
  },
  {
    id: 2,
    label: 'Bad contact data',
    notesRequired: false,
    namesWorkingLead: false,
    check: { text: 'Valid e-mail: ann@globex.example — met', noteRequired: true },
  },
  {
    id: 3,
    label: 'No authority',
    notesRequired: false,
    namesWorkingLead: false,
    check: { text: 'Senior title: Intern — not met', noteRequired: false },
  },
  { id: 4, label: 'No budget', notesRequired: false, namesWorkingLead: false, check: null },
]

function renderForm() {
  const Stub = createRemixStub([
    {
      path: '/leads/1',
      Component: () => (
        <RejectLeadForm
          lastResult={null}
          reasons={REASONS}
          loggedAttempts={0}
          ruledReason={null}
          afterContact={false}
          group={null}
        />
      ),
    },
  ])
  render(<Stub initialEntries={['/leads/1']} />)
}

describe('the reject form’s check of the reason', () => {
  it('shows the definition’s result for the chosen reason’s criterion, and follows the choice', async () => {
    renderForm()
    const user = userEvent.setup()
    const reason = screen.getByLabelText('Reason')
    await user.selectOptions(reason, 'Outside ideal customer profile')
    expect(screen.getByText('Ideal customer size: 1,200 employees — met')).toBeTruthy()
    expect(
      screen.getByText(
        'The definition finds this criterion met: say in the notes why “Outside ideal customer profile” applies.',
      ),
    ).toBeTruthy()
    expect(screen.getByLabelText('Notes').getAttribute('aria-describedby')).toBeTruthy()
    expect(
      screen.getByText(
        'Required: “Outside ideal customer profile” disputes a criterion the definition finds met. What you found.',
      ),
    ).toBeTruthy()

    await user.selectOptions(reason, 'No authority')
    expect(screen.getByText('Senior title: Intern — not met')).toBeTruthy()
    expect(screen.queryByText('Ideal customer size: 1,200 employees — met')).toBeNull()
    expect(screen.queryByText(/The definition finds this criterion met/)).toBeNull()

    await user.selectOptions(reason, 'No budget')
    expect(screen.getByText('“No budget” disputes no criterion of the definition.')).toBeTruthy()
  })
})

describe('the verdicts report’s departures', () => {
  it('counts a member’s departures when no verdict departed, and says what each count counts', () => {
    render(
      <DeparturesCard
        verdicts={[]}
        members={[
          { criterion: 'Senior title', count: 1 },
          { criterion: 'Engaged', count: 1 },
        ]}
        decided={4}
        cap={10_000}
      />,
    )
    expect(screen.getByText(DEPARTURES_EXPLAINED.verdicts)).toBeTruthy()
    expect(screen.getByText(DEPARTURES_EXPLAINED.members)).toBeTruthy()
    const table = screen.getByRole('table', { name: /verdicts and members’ votes/ })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'CriterionVerdictsMembers’ votes',
      'Senior title01',
      'Engaged01',
    ])
    expect(screen.queryByText(/No verdict/)).toBeNull()
  })

  it('shows — for members above the cap, and how to narrow the range', () => {
    render(
      <DeparturesCard
        verdicts={[{ criterion: 'Ideal customer size', count: 2 }]}
        members={null}
        decided={12_345}
        cap={10_000}
      />,
    )
    expect(
      screen.getByText(
        'Members’ votes are counted when the range holds 10,000 decided cases or fewer; it holds 12,345. Narrow the dates, or choose a rep, reason, source or campaign, to count them.',
      ),
    ).toBeTruthy()
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    expect(rows[1]?.textContent).toBe('Ideal customer size2—')
  })

  it('says neither departed when neither did', () => {
    render(<DeparturesCard verdicts={[]} members={[]} decided={3} cap={10_000} />)
    expect(
      screen.getByText('No verdict and no member’s vote departed from the definition.'),
    ).toBeTruthy()
  })
})
