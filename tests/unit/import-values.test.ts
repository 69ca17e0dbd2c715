// The import's source and campaign values matched against those the leads hold (decision 45).
import { describe, expect, it } from 'vitest'
import {
  matchValue,
  mergeValueTables,
  valueResolver,
  valueScan,
  withValues,
} from '~/domain/import/values'

const SOURCES = ['Paid search', 'Referral', 'LinkedIn', 'Webinar 2024', 'Email', 'Trade show']

describe('matching a value against the existing ones', () => {
  it('takes the same value but for case and spaces without asking', () => {
    expect(matchValue('Paid Search', SOURCES)).toEqual({ kind: 'same', to: 'Paid search' })
    expect(matchValue('  paid   SEARCH ', SOURCES)).toEqual({ kind: 'same', to: 'Paid search' })
  })

  it('proposes a plural and a near spelling', () => {
    expect(matchValue('Referrals', SOURCES)).toEqual({
      kind: 'near',
      to: 'Referral',
      why: 'plural',
    })
    expect(matchValue('Trade Shows', SOURCES)).toEqual({
      kind: 'near',
      to: 'Trade show',
      why: 'plural',
    })
    expect(matchValue('Linkedln', SOURCES)).toEqual({
      kind: 'near',
      to: 'LinkedIn',
      why: 'spelling',
    })
    expect(matchValue('Paid serach', SOURCES)).toEqual({
      kind: 'near',
      to: 'Paid search',
      why: 'spelling',
    })
  })

  it('does not match unrelated values, short look-alikes or other numbers', () => {
    for (const value of ['Google', 'Organic Search', 'Gmail', 'Webinar 2025', 'Olark Chat', 'API'])
      expect([value, matchValue(value, SOURCES)]).toEqual([value, { kind: 'new' }])
  })
})

describe('what the import stores', () => {
  it('applies the choices, the case-insensitive match, and one spelling for a new value', () => {
    const resolve = valueResolver(
      { source: { referrals: 'Referral', linkedln: 'Linkedln' } },
      { source: SOURCES, campaign: [] },
    )
    expect(
      ['Referrals', 'PAID SEARCH', 'Linkedln', 'Podcast', 'podcast ', 'Paid serach'].map((v) =>
        resolve('source', v),
      ),
    ).toEqual(['Referral', 'Paid search', 'Linkedln', 'Podcast', 'Podcast', 'Paid serach'])
    expect(withValues({ source: 'referrals', campaign: 'Q4' }, resolve)).toEqual({
      source: 'Referral',
      campaign: 'Q4',
    })
  })

  it('lists a file’s values with the match proposed, proposals first', () => {
    const scan = valueScan({ source: SOURCES, campaign: ['Spring launch'] }, {})
    const seen = ['Paid Search', 'Referrals', 'Referrals', 'Podcast', 'podcast', 'Referrals'].map(
      (v) => scan.see('source', v),
    )
    expect(seen).toEqual(['Paid search', 'Referral', 'Referral', 'Podcast', 'Podcast', 'Referral'])
    expect(scan.see('campaign', 'spring Launch')).toBe('Spring launch')
    const [sources] = scan.result()
    expect(
      sources?.values.map((v) => [v.value, v.count, v.match.kind, v.choice, v.others]),
    ).toEqual([
      ['Referrals', 3, 'near', 'Referral', []],
      ['Podcast', 2, 'new', 'Podcast', ['podcast']],
      ['Paid Search', 1, 'same', 'Paid search', []],
    ])
  })

  it('keeps a choice made before over the proposal', () => {
    const scan = valueScan(
      { source: SOURCES, campaign: [] },
      { source: { referrals: 'Referrals' } },
    )
    expect(scan.see('source', 'Referrals')).toBe('Referrals')
    expect(mergeValueTables({ source: { a: 'A' } }, { source: { b: 'B' } })).toEqual({
      source: { a: 'A', b: 'B' },
    })
  })
})
