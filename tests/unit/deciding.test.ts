import { describe, expect, it } from 'vitest'
import {
  type AutomaticResult,
  type Ballot,
  type Criterion,
  checkVote,
  decide,
  type Findings,
  verdictRecord,
} from '~/domain/cases/deciding'
import { SEATS, type Seat, type Verdict } from '~db/enums'

const ballot = (memberId: number, seat: Seat, verdict: Verdict, isChair = false): Ballot => ({
  memberId,
  seat,
  verdict,
  isChair,
})
const RULE = { quorum: 3 }

describe('the deciding rule', () => {
  it('every combination of three seats: decided only with a sales and a marketing seat', () => {
    for (const a of SEATS)
      for (const b of SEATS)
        for (const c of SEATS) {
          const seats = [a, b, c]
          const decision = decide(
            seats.map((s, i) => ballot(i + 1, s, 'does_not_meet')),
            RULE,
          )
          const expected = seats.includes('sales') && seats.includes('marketing')
          expect(decision.decided, seats.join(',')).toBe(expected)
          if (!expected)
            expect(decision).toEqual({
              decided: false,
              waitingFor: seats.includes('sales')
                ? 'a vote from the marketing seat'
                : 'a vote from the sales seat',
            })
        }
  })

  it('quorum not met: waits, however the votes lean', () => {
    expect(decide([], RULE)).toEqual({ decided: false, waitingFor: '3 more votes' })
    expect(decide([ballot(1, 'sales', 'meets'), ballot(2, 'marketing', 'meets')], RULE)).toEqual({
      decided: false,
      waitingFor: '1 more vote',
    })
    expect(
      decide(
        [
          ballot(1, 'sales', 'meets'),
          ballot(2, 'marketing', 'meets'),
          ballot(3, 'executive', 'meets'),
        ],
        { quorum: 4 },
      ),
    ).toEqual({ decided: false, waitingFor: '1 more vote' })
  })

  it('the majority wins; unanimous or split', () => {
    expect(
      decide(
        [
          ballot(1, 'sales', 'does_not_meet'),
          ballot(2, 'marketing', 'meets'),
          ballot(3, 'executive', 'does_not_meet', true),
        ],
        RULE,
      ),
    ).toEqual({ decided: true, verdict: 'does_not_meet', unanimous: false, byChair: false })
    expect(
      decide(
        [
          ballot(1, 'sales', 'meets'),
          ballot(2, 'marketing', 'meets'),
          ballot(3, 'executive', 'meets'),
        ],
        RULE,
      ),
    ).toEqual({ decided: true, verdict: 'meets', unanimous: true, byChair: false })
    // The chair's vote counts once when there is a majority: here it is outvoted.
    expect(
      decide(
        [
          ballot(1, 'sales', 'meets'),
          ballot(2, 'marketing', 'meets'),
          ballot(3, 'executive', 'does_not_meet', true),
        ],
        RULE,
      ),
    ).toMatchObject({ decided: true, verdict: 'meets', byChair: false })
  })

  it('a tie goes to the chair’s vote, and waits for it', () => {
    const tie = [
      ballot(1, 'sales', 'meets'),
      ballot(2, 'marketing', 'does_not_meet'),
      ballot(3, 'sales', 'meets'),
      ballot(4, 'marketing', 'does_not_meet'),
    ]
    expect(decide(tie, RULE)).toEqual({
      decided: false,
      waitingFor: 'the chair’s vote to break the tie',
    })
    const withChair = [...tie.slice(0, 3), ballot(5, 'executive', 'does_not_meet', true)]
    expect(decide(withChair, { quorum: 4 })).toEqual({
      decided: true,
      verdict: 'does_not_meet',
      unanimous: false,
      byChair: true,
    })
    expect(
      decide([...tie.slice(0, 3), ballot(5, 'executive', 'meets', true)].slice(1), RULE),
    ).toMatchObject({ decided: true, verdict: 'meets' })
  })

  it('a changed vote changes the outcome; a recused member’s absence lowers nothing', () => {
    const votes = [
      ballot(1, 'sales', 'meets'),
      ballot(2, 'marketing', 'does_not_meet'),
      ballot(3, 'executive', 'does_not_meet', true),
    ]
    expect(decide(votes, RULE)).toMatchObject({ verdict: 'does_not_meet' })
    const changed = votes.map((v) => (v.memberId === 2 ? { ...v, verdict: 'meets' as const } : v))
    expect(decide(changed, RULE)).toMatchObject({ verdict: 'meets', unanimous: false })
    // Member 4 recused: only three eligible votes exist, and they decide.
    expect(decide(votes, RULE).decided).toBe(true)
    // With the sales seat recused, the case waits for a sales vote however many others vote.
    expect(decide(votes.slice(1), { quorum: 2 })).toEqual({
      decided: false,
      waitingFor: 'a vote from the sales seat',
    })
  })
})

const CRITERIA: Criterion[] = [
  { key: 'size', label: 'Ideal customer size', required: true },
  { key: 'email', label: 'Valid e-mail', required: true },
  { key: 'engaged', label: 'Engaged', required: false },
]
const AUTO: AutomaticResult[] = [
  { key: 'size', result: 'met' },
  { key: 'email', result: 'unknown' },
  { key: 'engaged', result: 'unknown' },
]

describe('a vote checked against the definition', () => {
  it('needs a finding for every criterion the evaluation left unknown', () => {
    expect(checkVote(CRITERIA, AUTO, { findings: { email: 'met' }, verdict: 'meets' })).toEqual({
      ok: false,
      fieldErrors: {
        'finding.engaged': ['Give your finding on “Engaged”: the lead’s data leaves it unknown'],
      },
    })
  })

  it('a verdict that follows from the findings passes', () => {
    expect(
      checkVote(CRITERIA, AUTO, { findings: { email: 'met', engaged: 'unmet' }, verdict: 'meets' }),
    ).toEqual({ ok: true, departs: false, departures: [] })
    expect(
      checkVote(CRITERIA, AUTO, {
        findings: { email: 'unmet', engaged: 'met' },
        verdict: 'does_not_meet',
      }),
    ).toEqual({ ok: true, departs: false, departures: [] })
  })

  it('a departure without justification is refused; with one it passes and names the criteria', () => {
    const vote = {
      findings: { email: 'unmet', engaged: 'met' } as const,
      verdict: 'meets' as const,
    }
    expect(checkVote(CRITERIA, AUTO, vote)).toEqual({
      ok: false,
      fieldErrors: {
        departureJustification: [
          'By your own findings the lead does not meet the definition. Give a departure justification, or change your findings or verdict',
        ],
      },
    })
    expect(checkVote(CRITERIA, AUTO, { ...vote, departureJustification: '   ' }).ok).toBe(false)
    expect(
      checkVote(CRITERIA, AUTO, { ...vote, departureJustification: 'The phone number works' }),
    ).toEqual({ ok: true, departs: true, departures: ['email'] })
    // "Does not meet" for a lead that meets every criterion departs on no criterion.
    expect(
      checkVote(CRITERIA, AUTO, {
        findings: { email: 'met', engaged: 'met' },
        verdict: 'does_not_meet',
        departureJustification: 'A competitor posing as a buyer',
      }),
    ).toEqual({ ok: true, departs: true, departures: ['*'] })
  })

  it('a member may dispute an automatic result', () => {
    expect(
      checkVote(CRITERIA, AUTO, {
        findings: { size: 'unmet', email: 'met', engaged: 'met' },
        verdict: 'does_not_meet',
      }),
    ).toEqual({ ok: true, departs: false, departures: [] })
  })
})

describe('what the verdict records', () => {
  it('completes the evaluation with the majority findings and checks the verdict against it', () => {
    const votes = [
      { isChair: false, findings: { email: 'met', engaged: 'met' } as const },
      { isChair: false, findings: { email: 'unmet', engaged: 'met' } as const },
      { isChair: true, findings: { email: 'met', engaged: 'unmet' } as const },
    ]
    expect(verdictRecord(CRITERIA, AUTO, votes, 'meets')).toEqual({
      completedEvaluation: 'meets',
      agreesWithDefinition: true,
      departures: [],
    })
    expect(verdictRecord(CRITERIA, AUTO, votes, 'does_not_meet')).toEqual({
      completedEvaluation: 'meets',
      agreesWithDefinition: false,
      departures: ['*'],
    })
  })

  it('a member who leaves a known criterion blank accepts the automatic result', () => {
    // Size was evaluated met; one member disputes it, two accept it by saying nothing.
    const votes: { isChair: boolean; findings: Findings }[] = [
      { isChair: false, findings: { size: 'unmet', email: 'met', engaged: 'met' } },
      { isChair: false, findings: { email: 'met', engaged: 'met' } },
      { isChair: true, findings: { email: 'met', engaged: 'met' } },
    ]
    expect(verdictRecord(CRITERIA, AUTO, votes, 'meets')).toEqual({
      completedEvaluation: 'meets',
      agreesWithDefinition: true,
      departures: [],
    })
  })

  it('a tie on a finding falls to the automatic result, else to the chair', () => {
    const votes = [
      { isChair: false, findings: { size: 'unmet', email: 'unmet', engaged: 'met' } as const },
      { isChair: true, findings: { size: 'met', email: 'met', engaged: 'met' } as const },
    ]
    // size: tie, automatic "met" stands; email: tie, unknown, the chair's "met".
    expect(verdictRecord(CRITERIA, AUTO, votes, 'meets')).toMatchObject({
      completedEvaluation: 'meets',
      agreesWithDefinition: true,
    })
    const chairSaysUnmet = [
      votes[0],
      { ...votes[1], findings: { size: 'met', email: 'unmet' } },
    ] as typeof votes
    expect(verdictRecord(CRITERIA, AUTO, chairSaysUnmet, 'meets')).toEqual({
      completedEvaluation: 'does_not_meet',
      agreesWithDefinition: false,
      departures: ['email'],
    })
  })
})
