import { describe, expect, it } from 'vitest'
import { evaluationMemo } from '~/domain/definition/evaluation-memo'
import type { CriterionRule } from '~/domain/definition/evaluator'

const CRITERIA: CriterionRule[] = [
  {
    key: 'size',
    label: 'Size',
    required: true,
    field: 'employeeCount',
    operator: 'at_least',
    value: 50,
  },
  {
    key: 'region',
    label: 'Region',
    required: true,
    field: 'country',
    operator: 'one_of',
    value: ['Germany', 'France'],
  },
  {
    key: 'budget',
    label: 'Budget',
    required: false,
    field: 'custom.Budget',
    operator: 'present',
    value: null,
  },
]

describe('the evaluation memo', () => {
  it('evaluates once per distinct evaluated input, and answers alike for leads equal on it', () => {
    const memo = evaluationMemo(CRITERIA)
    const leads = [
      { employeeCount: 400, country: 'Germany', firstName: 'Ada', custom: {} },
      // Equal on every evaluated field; other fields differ.
      { employeeCount: 400, country: 'Germany', firstName: 'Grace', notes: 'x', custom: {} },
      { employeeCount: 10, country: 'Germany', custom: {} },
      { employeeCount: 400, country: 'Spain', custom: {} },
      { employeeCount: 400, country: 'Germany', custom: { budget: 'yes' } },
      { country: 'France', custom: {} },
      { employeeCount: 10, country: 'Germany', firstName: 'Alan', custom: {} },
    ]
    expect(leads.map((lead) => memo.overall(lead))).toEqual([
      'meets',
      'meets',
      'does_not_meet',
      'does_not_meet',
      'meets',
      'undetermined',
      'does_not_meet',
    ])
    // Seven leads, five distinct inputs (the custom attribute is read by its name, any case).
    expect(memo.evaluated).toBe(5)
  })

  it('keeps a number and its text apart, and blank apart from a value', () => {
    const memo = evaluationMemo(CRITERIA)
    expect(memo.overall({ employeeCount: 50, country: 'France' })).toBe('meets')
    expect(memo.overall({ employeeCount: '50', country: 'France' })).toBe('meets')
    expect(memo.overall({ employeeCount: null, country: 'France' })).toBe('undetermined')
    expect(memo.overall({ country: 'France' })).toBe('undetermined')
    expect(memo.evaluated).toBe(3)
  })

  it('starts over once it holds as many inputs as its limit', () => {
    const memo = evaluationMemo(CRITERIA, 2)
    for (const employeeCount of [1, 2, 3, 1]) memo.overall({ employeeCount, country: 'France' })
    // 1 and 2 fill it; 3 clears it; 1 is evaluated again.
    expect(memo.evaluated).toBe(4)
  })
})
