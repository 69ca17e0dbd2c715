// The sortable column headers of a list (decision 42): links a keyboard reaches, with aria-sort.
import { createRemixStub } from '@remix-run/testing'
import { render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { Cell, ListTable, Row } from '~/components/list-table'
import { nextOrder } from '~/domain/views/sort'

function Queue() {
  const order = { sort: 'reviewDue', dir: 'asc' } as const
  return (
    <ListTable
      caption="Open cases"
      columns={[
        { label: 'Case, opened', sort: 'opened' },
        { label: 'Lead' },
        { label: 'Review clock', sort: 'reviewDue' },
      ]}
      order={order}
      nextOrder={(column) => nextOrder('review', order, column as 'opened' | 'reviewDue')}
    >
      <Row>
        <Cell label="Case">Case 7</Cell>
        <Cell label="Lead">Ana Silva</Cell>
        <Cell label="Review clock" first>
          17 working hours left
        </Cell>
      </Row>
    </ListTable>
  )
}

it('says how the list is sorted and links each sortable header to its next order', async () => {
  const Stub = createRemixStub([{ path: '/review', Component: Queue }])
  render(<Stub initialEntries={['/review?stage=ignored&after=1-2']} />)
  const clock = await screen.findByRole('columnheader', { name: /Review clock/ })
  expect(clock).toHaveAttribute('aria-sort', 'ascending')
  expect(screen.getByRole('columnheader', { name: /Case, opened/ })).toHaveAttribute(
    'aria-sort',
    'none',
  )
  expect(screen.getByRole('columnheader', { name: 'Lead' })).not.toHaveAttribute('aria-sort')
  // The links keep the filters, drop the page cursor, and ask for the next order.
  expect(screen.getByRole('link', { name: /Review clock.*sort descending/ })).toHaveAttribute(
    'href',
    '/review?stage=ignored&sort=reviewDue&dir=desc',
  )
  expect(screen.getByRole('link', { name: /Case, opened.*sort ascending/ })).toHaveAttribute(
    'href',
    '/review?stage=ignored&sort=opened&dir=asc',
  )
  // On a phone each cell says what it is.
  expect(screen.getByRole('cell', { name: /Review clock: 17 working hours left/ })).toBeVisible()
})
