import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Timeline } from '~/components/timeline'

describe('Timeline', () => {
  it('reads as sentences, each with its time, and no field diffs', () => {
    render(
      <Timeline
        entries={[
          {
            id: 1,
            at: '2026-11-26T02:18:00.000Z',
            when: '26 Nov 2026, 02:18 GMT',
            sentence: 'Omar Haddad rejected the lead: Outside ideal customer profile',
          },
          {
            id: 2,
            at: '2026-11-27T12:53:00.000Z',
            when: '27 Nov 2026, 12:53 GMT',
            sentence: 'You conceded the case',
          },
        ]}
      />,
    )
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      '26 Nov 2026, 02:18 GMT — Omar Haddad rejected the lead: Outside ideal customer profile',
      '27 Nov 2026, 12:53 GMT — You conceded the case',
    ])
    expect(items[1]?.querySelector('time')?.getAttribute('dateTime')).toBe(
      '2026-11-27T12:53:00.000Z',
    )
  })
})
