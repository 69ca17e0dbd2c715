import { describe, expect, it } from 'vitest'
import {
  type CriterionRule,
  describeRule,
  evaluate,
  evaluateCriterion,
  toNumber,
} from '~/domain/definition/evaluator'

const rule = (
  operator: CriterionRule['operator'],
  value: CriterionRule['value'],
  field = 'industry',
) => ({
  field,
  operator,
  value,
})

describe('each operator', () => {
  it('equals: case, whitespace and numbers as text', () => {
    expect(evaluateCriterion({ industry: '  Software  ' }, rule('equals', 'software'))).toBe('met')
    expect(
      evaluateCriterion({ industry: 'Financial   Services' }, rule('equals', 'financial services')),
    ).toBe('met')
    expect(evaluateCriterion({ industry: 'Retail' }, rule('equals', 'software'))).toBe('unmet')
    expect(evaluateCriterion({ employeeCount: '050' }, rule('equals', 50, 'employeeCount'))).toBe(
      'met',
    )
    expect(evaluateCriterion({ employeeCount: 50 }, rule('equals', '50', 'employeeCount'))).toBe(
      'met',
    )
  })

  it('one of / not one of', () => {
    const countries = ['United Kingdom', 'Germany', 'United States']
    expect(evaluateCriterion({ country: 'germany' }, rule('one_of', countries, 'country'))).toBe(
      'met',
    )
    expect(evaluateCriterion({ country: 'India' }, rule('one_of', countries, 'country'))).toBe(
      'unmet',
    )
    expect(evaluateCriterion({ country: 'India' }, rule('not_one_of', countries, 'country'))).toBe(
      'met',
    )
    expect(
      evaluateCriterion({ country: ' GERMANY' }, rule('not_one_of', countries, 'country')),
    ).toBe('unmet')
  })

  it('at least / at most, with numbers given as text', () => {
    expect(evaluateCriterion({ employeeCount: 50 }, rule('at_least', 50, 'employeeCount'))).toBe(
      'met',
    )
    expect(evaluateCriterion({ employeeCount: 49 }, rule('at_least', 50, 'employeeCount'))).toBe(
      'unmet',
    )
    expect(
      evaluateCriterion({ employeeCount: ' 1,200 ' }, rule('at_least', '50', 'employeeCount')),
    ).toBe('met')
    expect(
      evaluateCriterion(
        { purchaseTimelineMonths: '12' },
        rule('at_most', 12, 'purchaseTimelineMonths'),
      ),
    ).toBe('met')
    expect(
      evaluateCriterion(
        { purchaseTimelineMonths: 12.5 },
        rule('at_most', 12, 'purchaseTimelineMonths'),
      ),
    ).toBe('unmet')
    expect(
      evaluateCriterion({ engagementScore: '45%' }, rule('at_least', 40, 'engagementScore')),
    ).toBe('met')
  })

  it('a number rule over text that is not a number cannot be judged', () => {
    expect(
      evaluateCriterion({ employeeCount: 'lots' }, rule('at_least', 50, 'employeeCount')),
    ).toBe('unknown')
  })

  it('present: blank is unmet, anything else met', () => {
    expect(evaluateCriterion({ email: 'a@b.co' }, rule('present', null, 'email'))).toBe('met')
    expect(evaluateCriterion({ email: '   ' }, rule('present', null, 'email'))).toBe('unmet')
    expect(evaluateCriterion({}, rule('present', null, 'email'))).toBe('unmet')
  })

  it('contains any word: whole words and phrases, any case', () => {
    const senior = ['VP', 'Director', 'Head of', 'Chief']
    expect(
      evaluateCriterion({ title: 'vp, Sales' }, rule('contains_any_word', senior, 'title')),
    ).toBe('met')
    expect(
      evaluateCriterion({ title: 'Head of Marketing' }, rule('contains_any_word', senior, 'title')),
    ).toBe('met')
    expect(
      evaluateCriterion({ title: 'Ahead of schedule' }, rule('contains_any_word', senior, 'title')),
    ).toBe('unmet')
    expect(
      evaluateCriterion(
        { title: 'Directory assistant' },
        rule('contains_any_word', senior, 'title'),
      ),
    ).toBe('unmet')
    expect(
      evaluateCriterion({ title: 'Marketing Intern' }, rule('contains_any_word', senior, 'title')),
    ).toBe('unmet')
  })
})

describe('blank and missing fields', () => {
  it.each([
    ['missing', {}],
    ['null', { industry: null }],
    ['empty', { industry: '' }],
    ['whitespace', { industry: ' \t ' }],
  ])('a %s field is unknown for every operator but present', (_, lead) => {
    for (const operator of [
      'equals',
      'one_of',
      'not_one_of',
      'at_least',
      'at_most',
      'contains_any_word',
    ] as const) {
      expect(evaluateCriterion(lead, rule(operator, ['x']))).toBe('unknown')
    }
  })

  it('custom attributes are tested like fields', () => {
    const lead = { custom: { 'Lead Quality': 'High in Relevance' } }
    expect(
      evaluateCriterion(lead, rule('contains_any_word', ['high'], 'custom.Lead Quality')),
    ).toBe('met')
    expect(evaluateCriterion(lead, rule('equals', 'x', 'custom.Missing'))).toBe('unknown')
    // The attribute's name is matched without case, as people type it into a rule.
    expect(evaluateCriterion(lead, rule('present', null, 'custom.lead quality'))).toBe('met')
    // Codes that look like numbers stay text: "007" is not "7", "1,2" is not "12".
    expect(evaluateCriterion({ custom: { Code: '007' } }, rule('equals', '7', 'custom.Code'))).toBe(
      'unmet',
    )
    expect(
      evaluateCriterion({ custom: { Code: '1,2' } }, rule('one_of', ['12'], 'custom.Code')),
    ).toBe('unmet')
    expect(
      evaluateCriterion({ custom: { Visits: '5' } }, rule('equals', '5.0', 'custom.Visits')),
    ).toBe('met')
    expect(evaluateCriterion({ custom: null }, rule('present', null, 'custom.Tags'))).toBe('unmet')
  })
})

describe('overall result', () => {
  const criteria: CriterionRule[] = [
    {
      key: 'size',
      label: 'Size',
      required: true,
      field: 'employeeCount',
      operator: 'at_least',
      value: 50,
    },
    {
      key: 'email',
      label: 'Email',
      required: true,
      field: 'email',
      operator: 'present',
      value: null,
    },
    {
      key: 'score',
      label: 'Score',
      required: false,
      field: 'engagementScore',
      operator: 'at_least',
      value: 40,
    },
  ]

  it('meets when every required criterion is met, whatever the advisory ones say', () => {
    expect(
      evaluate({ employeeCount: 200, email: 'a@b.co', engagementScore: 10 }, criteria),
    ).toEqual({
      overall: 'meets',
      criteria: [
        { key: 'size', result: 'met' },
        { key: 'email', result: 'met' },
        { key: 'score', result: 'unmet' },
      ],
    })
  })

  it('does not meet when any required criterion is unmet, even with others unknown', () => {
    expect(evaluate({ employeeCount: null, email: '' }, criteria).overall).toBe('does_not_meet')
  })

  it('is undetermined when nothing required is unmet but something required is unknown', () => {
    expect(evaluate({ email: 'a@b.co' }, criteria).overall).toBe('undetermined')
  })

  it('a version with no required criteria is met by every lead', () => {
    expect(evaluate({}, [criteria[2] as CriterionRule]).overall).toBe('meets')
  })
})

describe('numbers and words', () => {
  it('reads numbers from text', () => {
    expect(toNumber(' 1,200 ')).toBe(1200)
    expect(toNumber('3.5')).toBe(3.5)
    expect(toNumber('-2')).toBe(-2)
    expect(toNumber('12 months')).toBeNull()
    expect(toNumber('')).toBeNull()
    expect(toNumber(Number.NaN)).toBeNull()
  })

  it('describes rules in plain words', () => {
    expect(describeRule(rule('at_least', 50, 'employeeCount'))).toBe(
      'Employee count is at least 50',
    )
    expect(describeRule(rule('one_of', ['UK', 'Germany', 'France'], 'country'))).toBe(
      'Country is one of UK, Germany or France',
    )
    expect(describeRule(rule('present', null, 'email'))).toBe('Email is filled in')
    expect(describeRule(rule('contains_any_word', ['VP'], 'custom.Seniority'))).toBe(
      'Seniority (custom) contains any of the words VP',
    )
  })
})
