import { describe, expect, it } from 'vitest'
import { evaluationMemo } from '~/domain/definition/evaluation-memo'
import { type CriterionRule, evaluate } from '~/domain/definition/evaluator'

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
  it('evaluates each criterion once per distinct value it reads', () => {
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
    // Seven leads, 21 criteria to judge: 8 distinct (criterion, value) pairs. Size: 400, 10,
    // blank; region: Germany, Spain, France; budget (read by its name, any case): blank, "yes".
    expect(memo.evaluated).toBe(8)
  })

  it('keeps a number and its text apart, and blank apart from a value', () => {
    const memo = evaluationMemo(CRITERIA)
    expect(memo.overall({ employeeCount: 50, country: 'France' })).toBe('meets')
    expect(memo.overall({ employeeCount: '50', country: 'France' })).toBe('meets')
    expect(memo.overall({ employeeCount: null, country: 'France' })).toBe('undetermined')
    expect(memo.overall({ country: 'France' })).toBe('undetermined')
    // 50, France and a blank budget; then "50"; then blank size (null and missing alike).
    expect(memo.evaluated).toBe(5)
  })

  it('starts over once it holds as many inputs as its limit', () => {
    const memo = evaluationMemo(CRITERIA, 2)
    for (const employeeCount of [1, 2, 3, 1]) memo.overall({ employeeCount, country: 'France' })
    // Size: 1 and 2 fill its memo, 3 clears it, 1 is judged again (4); region and budget once.
    expect(memo.evaluated).toBe(6)
  })

  it('answers as the evaluator does, lead by lead', () => {
    const memo = evaluationMemo(CRITERIA)
    const countries = ['Germany', 'France', 'Spain', ' germany ', '']
    const sizes = [undefined, null, 0, 49, 50, '50', '1,200', 'lots', 5000]
    const budgets = [{}, { Budget: 'yes' }, { budget: '' }, { BUDGET: 'n' }]
    for (const country of countries)
      for (const employeeCount of sizes)
        for (const custom of budgets) {
          const lead = { country, employeeCount, custom }
          expect(memo.overall(lead)).toBe(evaluate(lead, CRITERIA).overall)
        }
  })
})
