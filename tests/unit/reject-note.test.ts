// Decision 41: the reject form's check of the reason against the definition, and the rule that
// a reason disputing a criterion the definition finds met needs a note.
import { describe, expect, it } from 'vitest'
import { notesHint, type RejectReason } from '~/components/reason-check'
import type { CriterionRule } from '~/domain/definition/evaluator'
import {
  describeReasonCheck,
  noteRequired,
  noteRequiredMessage,
  reasonCheck,
} from '~/domain/sales/reject-note'

const CRITERIA: CriterionRule[] = [
  {
    key: 'company_size',
    label: 'Ideal customer size',
    required: true,
    field: 'employeeCount',
    operator: 'at_least',
    value: 50,
  },
  {
    key: 'industry',
    label: 'Target industry',
    required: false,
    field: 'industry',
    operator: 'one_of',
    value: ['Logistics', 'Retail'],
  },
  {
    key: 'budget',
    label: 'Has a budget line',
    required: false,
    field: 'custom.Budget',
    operator: 'present',
    value: null,
  },
]

describe('reasonCheck', () => {
  it('reads the reason’s criterion on the lead: its value with its unit, and the result', () => {
    const check = reasonCheck({ employeeCount: 1200 }, CRITERIA, { criterionKey: 'company_size' })
    expect(check).toEqual({
      criterionKey: 'company_size',
      criterionLabel: 'Ideal customer size',
      value: '1,200 employees',
      field: 'employeeCount',
      result: 'met',
    })
    expect(describeReasonCheck(check as NonNullable<typeof check>)).toBe(
      'Ideal customer size: 1,200 employees — met',
    )
  })

  it('says one employee, not met, in the singular', () => {
    const check = reasonCheck({ employeeCount: 1 }, CRITERIA, { criterionKey: 'company_size' })
    expect(check && describeReasonCheck(check)).toBe('Ideal customer size: 1 employee — not met')
  })

  it('names the blank field when the lead’s data leaves the criterion open', () => {
    const check = reasonCheck({ employeeCount: null }, CRITERIA, { criterionKey: 'company_size' })
    expect(check && describeReasonCheck(check)).toBe(
      'Ideal customer size: employee count blank — unknown, the lead’s data leaves it open',
    )
    expect(noteRequired(check)).toBe(false)
  })

  it('shows a text value as it is, and reads custom attributes by name', () => {
    const industry = reasonCheck({ industry: 'logistics' }, CRITERIA, { criterionKey: 'industry' })
    expect(industry && describeReasonCheck(industry)).toBe('Target industry: logistics — met')
    const budget = reasonCheck({ custom: { budget: '40k' } }, CRITERIA, { criterionKey: 'budget' })
    expect(budget && describeReasonCheck(budget)).toBe('Has a budget line: 40k — met')
  })

  it('is null for a reason that disputes no criterion, or one the lead’s version lacks', () => {
    expect(reasonCheck({ employeeCount: 10 }, CRITERIA, { criterionKey: null })).toBeNull()
    expect(reasonCheck({ employeeCount: 10 }, CRITERIA, { criterionKey: 'seniority' })).toBeNull()
    expect(noteRequired(null)).toBe(false)
  })
})

describe('noteRequired', () => {
  it('asks for a note only when the definition finds the disputed criterion met', () => {
    const met = reasonCheck({ employeeCount: 50 }, CRITERIA, { criterionKey: 'company_size' })
    const unmet = reasonCheck({ employeeCount: 49 }, CRITERIA, { criterionKey: 'company_size' })
    expect(noteRequired(met)).toBe(true)
    expect(noteRequired(unmet)).toBe(false)
    expect(
      noteRequiredMessage('Outside ideal customer profile', met as NonNullable<typeof met>),
    ).toBe(
      'The definition finds “Ideal customer size” met for this lead (50 employees), and “Outside ideal customer profile” disputes it: say in the notes why the reason applies',
    )
  })
})

describe('notesHint', () => {
  const reason = (over: Partial<RejectReason>): RejectReason => ({
    id: 1,
    label: 'Outside ideal customer profile',
    notesRequired: false,
    namesWorkingLead: false,
    check: null,
    ...over,
  })
  const other = reason({ id: 2, label: 'Other', notesRequired: true })

  it('says the notes are required when the chosen reason disputes a met criterion', () => {
    const chosen = reason({
      check: { text: 'Ideal customer size: 1,200 employees — met', noteRequired: true },
    })
    expect(notesHint([chosen, other], chosen)).toBe(
      'Required: “Outside ideal customer profile” disputes a criterion the definition finds met. What you found.',
    )
  })

  it('otherwise lists the reasons that always need them', () => {
    expect(notesHint([reason({}), other], undefined)).toBe(
      'What you found. Required for “Other”, and for a reason disputing a criterion the definition finds met.',
    )
    expect(notesHint([reason({})], reason({}))).toBe(
      'What you found. Required for a reason disputing a criterion the definition finds met.',
    )
  })
})
