import { describe, expect, it } from 'vitest'
import { actionLabel, describeChanges } from '~/domain/audit/format'
import { formatDateTime } from '~/platform/time'

describe('audit entries in words', () => {
  it('lists only the fields that changed, in readable form', () => {
    expect(
      describeChanges(
        { name: 'Victor', roles: ['committee'], seat: 'sales', isChair: false },
        { name: 'Victor', roles: ['committee', 'rep'], seat: 'sales', isChair: true },
      ),
    ).toEqual([
      { field: 'roles', before: 'committee', after: 'committee, rep' },
      { field: 'isChair', before: 'no', after: 'yes' },
    ])
  })

  it('a creation shows every field that has a value', () => {
    expect(describeChanges(null, { name: 'Dana', seat: null })).toEqual([
      { field: 'name', before: null, after: 'Dana' },
    ])
  })

  it('names known actions and leaves unknown ones as they are', () => {
    expect(actionLabel('user.deactivated')).toBe('User deactivated')
    expect(actionLabel('lead.teleported')).toBe('lead.teleported')
  })

  it('formats instants in the organisation’s time zone, across summer time', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 15, 9, 5), 'Europe/London')).toBe(
      '15 Jan 2026, 09:05 GMT',
    )
    expect(formatDateTime(Date.UTC(2026, 6, 15, 9, 5), 'Europe/London')).toBe(
      '15 Jul 2026, 10:05 BST',
    )
    expect(formatDateTime(Date.UTC(2026, 6, 15, 9, 5), 'America/New_York')).toBe(
      '15 Jul 2026, 05:05 GMT-4',
    )
  })
})
