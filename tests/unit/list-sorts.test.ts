// The orders the lists offer (decision 42): which columns sort, the first direction of each,
// what a header click asks for next, and what aria-sort says.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LeadListQuerySchema } from '~/domain/leads/schema'
import { ariaSortOf, nextOrder, orderOf, sortFields, withLegacySort } from '~/domain/views/sort'

describe('list orders', () => {
  it('defaults each list to the order it always had', () => {
    expect(orderOf('leads', { sort: 'handedOver' })).toEqual({ sort: 'handedOver', dir: 'desc' })
    expect(orderOf('cases', { sort: 'opened' })).toEqual({ sort: 'opened', dir: 'desc' })
    expect(orderOf('review', { sort: 'reviewDue' })).toEqual({ sort: 'reviewDue', dir: 'asc' })
    expect(orderOf('review', { sort: 'opened' })).toEqual({ sort: 'opened', dir: 'asc' })
    expect(orderOf('review', { sort: 'opened', dir: 'desc' })).toEqual({
      sort: 'opened',
      dir: 'desc',
    })
  })

  it('a click on the sorted column turns it round; on another, starts that one its first way', () => {
    const due = { sort: 'reviewDue', dir: 'asc' } as const
    expect(nextOrder('review', due, 'reviewDue')).toEqual({ sort: 'reviewDue', dir: 'desc' })
    expect(nextOrder('review', { ...due, dir: 'desc' }, 'reviewDue')).toEqual(due)
    expect(nextOrder('review', { ...due, dir: 'desc' }, 'opened')).toEqual({
      sort: 'opened',
      dir: 'asc',
    })
    expect(nextOrder('leads', { sort: 'handedOver', dir: 'desc' }, 'handedOver')).toEqual({
      sort: 'handedOver',
      dir: 'asc',
    })
  })

  it('says ascending, descending or none to a screen reader', () => {
    const order = { sort: 'opened', dir: 'asc' } as const
    expect(ariaSortOf(order, 'opened')).toBe('ascending')
    expect(ariaSortOf({ ...order, dir: 'desc' }, 'opened')).toBe('descending')
    expect(ariaSortOf(order, 'reviewDue')).toBe('none')
  })

  it('refuses a column or direction a list does not offer, naming the field', () => {
    const schema = z.object(sortFields('review'))
    expect(schema.parse({})).toEqual({ sort: 'reviewDue' })
    expect(schema.parse({ sort: 'opened', dir: 'desc' })).toEqual({ sort: 'opened', dir: 'desc' })
    const bad = schema.safeParse({ sort: 'votes', dir: 'up' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['sort', 'must be one of reviewDue, opened'],
      ['dir', 'must be asc or desc'],
    ])
  })

  it('reads the lead list’s old sort=newest and sort=oldest as hand-over orders', () => {
    expect(withLegacySort('leads', { sort: 'oldest', q: 'x' })).toEqual({
      sort: 'handedOver',
      dir: 'asc',
      q: 'x',
    })
    expect(LeadListQuerySchema.parse(withLegacySort('leads', { sort: 'newest' }))).toMatchObject({
      sort: 'handedOver',
      dir: 'desc',
    })
    // Only on the lead list: elsewhere "oldest" is no column.
    expect(withLegacySort('cases', { sort: 'oldest' })).toEqual({ sort: 'oldest' })
  })
})
