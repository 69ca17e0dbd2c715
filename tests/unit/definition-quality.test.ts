// The pure computations behind the hindsight of the definition and "Impact of this version"
// (app/domain/definition/quality.ts), on hand-built leads and criteria.
import { describe, expect, it } from 'vitest'
import { type CriterionRule, evaluate } from '~/domain/definition/evaluator'
import {
  criterionChanges,
  definitionHindsight,
  fateOf,
  multiEvaluator,
  versionImpact,
} from '~/domain/definition/quality'

const rule = (
  key: string,
  field: string,
  operator: CriterionRule['operator'],
  value: CriterionRule['value'],
  required = true,
): CriterionRule => ({ key, label: key, field, operator, value, required })

const SIZE_50 = rule('company_size', 'employeeCount', 'at_least', 50)
const SIZE_100 = rule('company_size', 'employeeCount', 'at_least', 100)
const EMAIL = rule('email', 'email', 'present', null)
const ENGAGED = rule('engagement', 'engagementScore', 'at_least', 40, false)
const TIMELINE = rule('timeline', 'purchaseTimelineMonths', 'at_most', 12)

describe('a lead’s known fate', () => {
  it('is its latest outcome, else converted is a real buyer, else unknown', () => {
    expect(fateOf('won', 'disqualified')).toBe(true)
    expect(fateOf('plans_to_buy', 'nurture')).toBe(true)
    expect(fateOf('not_a_fit', 'converted')).toBe(false)
    expect(fateOf('no_plans', 'working')).toBe(false)
    expect(fateOf(null, 'converted')).toBe(true)
    expect(fateOf(null, 'working')).toBeNull()
    expect(fateOf(null, 'disqualified')).toBeNull()
  })
})

describe('the hindsight of the definition', () => {
  it('counts what a version said against what became of its leads, and per criterion', () => {
    const hindsight = definitionHindsight([
      { id: 7, number: 1, criteria: [SIZE_50, ENGAGED] },
      { id: 8, number: 2, criteria: [SIZE_100] },
    ])
    const lead = (
      employeeCount: number | null,
      engagementScore: number,
      evaluation: 'meets' | 'does_not_meet' | 'undetermined',
      realBuyer: boolean,
      versionId: number | null = 7,
    ) => hindsight.add({ employeeCount, engagementScore, evaluation, realBuyer, versionId })
    lead(400, 50, 'meets', true)
    lead(400, 10, 'meets', false)
    lead(10, 50, 'does_not_meet', true)
    lead(10, 10, 'does_not_meet', false)
    lead(null, 50, 'undetermined', true)
    lead(400, 50, 'meets', true, null)
    const { versions, unjudged } = hindsight.result()
    expect(unjudged).toBe(1)
    // Version 2 judged no lead: it is left out.
    expect(versions).toEqual([
      {
        versionId: 7,
        number: 1,
        table: {
          meets: { realBuyers: 1, notBuyers: 1 },
          does_not_meet: { realBuyers: 1, notBuyers: 1 },
          undetermined: { realBuyers: 1, notBuyers: 0 },
        },
        leads: 5,
        realBuyers: 3,
        meetsRealBuyerShare: 0.5,
        realBuyersLetThrough: 1 / 3,
        criteria: [
          {
            key: 'company_size',
            label: 'company_size',
            required: true,
            unmet: 2,
            unmetRealBuyers: 1,
            unmetRealBuyerShare: 0.5,
          },
          {
            key: 'engagement',
            label: 'engagement',
            required: false,
            unmet: 2,
            unmetRealBuyers: 0,
            unmetRealBuyerShare: 0,
          },
        ],
      },
    ])
  })

  it('gives no share when there is nothing to divide by', () => {
    const hindsight = definitionHindsight([{ id: 1, number: 1, criteria: [SIZE_50] }])
    hindsight.add({
      employeeCount: 10,
      evaluation: 'does_not_meet',
      realBuyer: false,
      versionId: 1,
    })
    const [v] = hindsight.result().versions
    expect(v?.meetsRealBuyerShare).toBeNull()
    expect(v?.realBuyersLetThrough).toBeNull()
    expect(v?.criteria[0]?.unmetRealBuyerShare).toBe(0)
  })
})

describe('evaluating against several versions at once', () => {
  it('gives what the evaluator gives, remembered value or not', () => {
    const versions = [
      [SIZE_50, EMAIL, ENGAGED],
      [SIZE_100, TIMELINE, rule('country', 'country', 'one_of', ['Germany', 'France'])],
      [rule('seniority', 'title', 'contains_any_word', ['VP', 'Head of']), EMAIL],
    ]
    const many = multiEvaluator(versions)
    const leads = [
      { employeeCount: 80, email: 'a@x.test', country: 'germany', title: 'VP Sales' },
      { employeeCount: 80, email: null, country: 'Spain', title: 'Head of IT' },
      { employeeCount: '120', email: 'b@x.test', country: ' France ', purchaseTimelineMonths: 18 },
      { employeeCount: 'n/a', email: '', title: 'Engineer', purchaseTimelineMonths: 3 },
      { employeeCount: 80, email: 'c@x.test', country: 'germany', title: 'VP Sales' },
    ]
    for (const lead of leads) {
      expect(many.evaluate(lead)).toEqual(versions.map((v) => evaluate(lead, v).overall))
      for (const [i, v] of versions.entries()) {
        for (const [j] of v.entries())
          expect(many.result(i, j)).toBe(evaluate(lead, v).criteria[j]?.result)
      }
    }
  })
})

describe('the criteria two versions differ on', () => {
  it('are added, removed or changed (rule or required), by key', () => {
    expect(
      criterionChanges(
        [SIZE_50, EMAIL, ENGAGED, TIMELINE],
        [
          SIZE_100,
          EMAIL,
          { ...ENGAGED, required: true },
          rule('country', 'country', 'present', null),
        ],
      ),
    ).toEqual([
      { key: 'company_size', label: 'company_size', change: 'changed' },
      { key: 'engagement', label: 'engagement', change: 'changed' },
      { key: 'country', label: 'country', change: 'added' },
      { key: 'timeline', label: 'timeline', change: 'removed' },
    ])
  })
})

describe('the impact of a version', () => {
  it('counts results under both, the leads that change, the criteria behind it, and past cases', () => {
    const impact = versionImpact([SIZE_100, EMAIL, TIMELINE], [SIZE_50, EMAIL])
    const l1 = impact.addLead({ employeeCount: 400, email: 'a@x.test', purchaseTimelineMonths: 6 })
    const l2 = impact.addLead({ employeeCount: 80, email: 'b@x.test', purchaseTimelineMonths: 6 })
    const l3 = impact.addLead({ employeeCount: 400, email: 'c@x.test' })
    const l4 = impact.addLead({ employeeCount: 20, email: null })
    expect([l1, l2, l3, l4]).toEqual(['meets', 'does_not_meet', 'undetermined', 'does_not_meet'])
    // L2's rejection: its version said meets, this one would not: now backed; its "meets"
    // verdict would now be contradicted.
    impact.addCase({ kind: 'rejected', verdict: 'meets', judged: 'meets' }, l2)
    // L4's: did not meet then, does not now: nothing changes.
    impact.addCase({ kind: 'rejected', verdict: 'does_not_meet', judged: 'does_not_meet' }, l4)
    // Backed then, undetermined now: no longer backed; the verdict is not contradicted.
    impact.addCase(
      { kind: 'rejected', verdict: 'does_not_meet', judged: 'does_not_meet' },
      'undetermined',
    )
    // Met then (a departure by the committee), not now: backed now, and the verdict too.
    impact.addCase({ kind: 'rejected', verdict: 'does_not_meet', judged: 'meets' }, l2)
    // An ignored case without a verdict counts for neither.
    impact.addCase({ kind: 'ignored', verdict: null, judged: 'meets' }, l1)
    // A case with no version to judge it by counts for neither.
    impact.addCase({ kind: 'rejected', verdict: 'meets', judged: null }, l1)
    expect(impact.result()).toEqual({
      leads: 4,
      counts: {
        proposed: { meets: 1, does_not_meet: 2, undetermined: 1 },
        inForce: { meets: 3, does_not_meet: 1, undetermined: 0 },
      },
      leadsChanged: 2,
      rejections: { total: 4, nowBacked: 2, noLongerBacked: 1, otherWay: 3 },
      verdicts: { total: 4, nowContradicted: 1, nowBacked: 1, otherWay: 2 },
      criteria: [
        // Only L2's size result changed (met → unmet), and L2 changed overall.
        {
          key: 'company_size',
          label: 'company_size',
          change: 'changed',
          leadsChanged: 1,
          flips: 1,
        },
        // Added: every lead's timeline now counts (L2 and L3 changed overall).
        { key: 'timeline', label: 'timeline', change: 'added', leadsChanged: 4, flips: 2 },
      ],
    })
  })

  it('without a version in force counts the proposed version alone', () => {
    const impact = versionImpact([SIZE_50], null)
    impact.addLead({ employeeCount: 60 })
    impact.addLead({ employeeCount: null })
    const result = impact.result()
    expect(result.counts).toEqual({
      proposed: { meets: 1, does_not_meet: 0, undetermined: 1 },
      inForce: null,
    })
    expect(result.leadsChanged).toBeNull()
    expect(result.criteria).toEqual([])
  })
})
