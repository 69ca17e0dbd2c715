// Every report's CSV worked out from a world's facts (tests/support/report-world.ts) by the rules
// of docs/metrics.md, on its own: no report code, only the labels the CSVs print. Months in
// Europe/London; medians and 90th percentiles by nearest rank, by sorting.
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { type CaseStage, type HandOver, OUTCOMES, type Outcome } from '~db/enums'
import type { CaseFact, ClockFact, LeadFact, World } from './report-world'

/** A report filter as the test sees it: rep by first name, reason by label. */
export type Filter = {
  rep?: string
  reason?: string
  source?: string
  campaign?: string
  history?: 'hidden'
  stage?: CaseStage
  handOver?: HandOver
}
type Row = (string | number)[]
type Model = { world: World; filter: Filter; months: string[]; now: Date }

const NAMES: Record<string, string> = { dana: 'Dana Reyes', omar: 'Omar Haddad' }
const MEMBERS: [string, string][] = [
  ['clara', 'Clara Moreau'],
  ['erin', 'Erin Walsh'],
  ['victor', 'Victor Lindqvist'],
]
const CRITERIA: Record<string, string> = {
  '*': 'No criterion (the definition has none for it)',
  company_size: 'Ideal customer size',
}
const REAL_BUYERS: Outcome[] = ['won', 'bought_elsewhere', 'in_buying_process', 'plans_to_buy']

const month = (date: Date) =>
  date.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).slice(0, 7)
const percent = (part: number, whole: number) =>
  whole > 0 ? ((part / whole) * 100).toFixed(1) : ''
const hours = (ms: number | undefined) => (ms === undefined ? '' : (ms / 3_600_000).toFixed(1))
const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length
const byName = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))

/** Nearest rank: the median at rank ⌈n/2⌉, the 90th percentile at ⌈0.9 n⌉. */
function ranks(values: number[]): [number | undefined, number | undefined] {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  return [sorted[Math.ceil(n / 2) - 1], sorted[Math.ceil((9 * n) / 10) - 1]]
}

/** A case's stage: ignored, or rejected before or after contact. */
const stageOf = (c: CaseFact): CaseStage =>
  c.kind === 'ignored' ? 'ignored' : c.afterContact ? 'after_contact' : 'before_contact'
const handOverOf = (reengaged: boolean): HandOver => (reengaged ? 're_engaged' : 'net_new')

/**
 * A case the case filters keep: rep, reason, source, campaign, not imported if hidden, its
 * stage, and its hand-over (the one it opened on).
 */
const caseKept = ({ filter: f }: Model, c: CaseFact, reason = true) =>
  (!f.rep || c.rep === f.rep) &&
  (!reason || !f.reason || c.reason === f.reason) &&
  (!f.source || c.lead.source === f.source) &&
  (!f.campaign || c.lead.campaign === f.campaign) &&
  (!f.history || c.status !== 'imported') &&
  (!f.stage || stageOf(c) === f.stage) &&
  (!f.handOver || handOverOf(c.reengaged) === f.handOver)
const inRange = (m: Model, date: Date) => m.months.includes(month(date))

/** Rows per period, then the total: `cells` of the items of each. */
function periodRows<T>(m: Model, items: T[], date: (item: T) => Date, cells: (of: T[]) => Row) {
  return [
    ...m.months.map((p) => ['Period', p, ...cells(items.filter((i) => month(date(i)) === p))]),
    ['Total', 'All', ...cells(items)],
  ]
}

export function accuracyCsv(m: Model, by: 'rep' | 'reason' | 'source' | 'campaign'): Row[] {
  // Rejections, and beside them the ignored cases (in no other column).
  const cases = m.world.cases.filter((c) => caseKept(m, c) && inRange(m, c.openedAt))
  const figures = (all: CaseFact[]) => {
    const of = all.filter((c) => c.kind === 'rejected')
    const decided = count(of, (c) => c.verdict !== null)
    const upheld = count(of, (c) => c.verdict === 'does_not_meet')
    return [
      of.length,
      count(of, (c) => !c.afterContact),
      count(of, (c) => c.afterContact),
      all.length - of.length,
      decided,
      upheld,
      count(of, (c) => c.verdict === 'meets'),
      count(of, (c) => c.status === 'in_review'),
      count(of, (c) => c.status === 'imported'),
      percent(upheld, decided),
    ]
  }
  const key = (c: CaseFact) =>
    ({
      rep: NAMES[c.rep] as string,
      reason: c.reason ?? 'No reason',
      source: c.lead.source,
      campaign: c.lead.campaign,
    })[by]
  const label = { rep: 'Rep', reason: 'Reason', source: 'Source', campaign: 'Campaign' }[by]
  const breakdown = [...new Set(cases.map(key))]
    .map((name) => [label, name, ...figures(cases.filter((c) => key(c) === name))])
    .sort((a, b) => (b[6] as number) - (a[6] as number) || byName(String(a[1]), String(b[1])))
  return [
    [
      'section',
      'name',
      'opened',
      'rejected_before_contact',
      'rejected_after_contact',
      'ignored',
      'decided',
      'upheld',
      'overturned',
      'open',
      'imported',
      'accuracy_percent',
    ],
    ...periodRows(m, cases, (c) => c.openedAt, figures),
    ...breakdown,
  ]
}

/**
 * A hand-over: net-new (a lead's first, at its hand-over) or re-engaged (a re-engaged clock),
 * with the cases opened on it: a net-new hand-over's are the lead's net-new cases, a re-engaged
 * one's the lead's re-engaged cases from it until the lead's next re-engaged hand-over.
 */
type HandOverUnit = { lead: LeadFact; at: Date; reengaged: boolean; cases: CaseFact[] }

function handOvers(m: Model): HandOverUnit[] {
  const f = m.filter
  const rejection = (c: CaseFact) =>
    (f.stage ? stageOf(c) === f.stage : c.kind === 'rejected') &&
    (!f.history || c.status !== 'imported')
  const netNew = m.world.leads.map((lead) => ({
    lead,
    at: lead.handedOverAt,
    reengaged: false,
    cases: m.world.cases.filter((c) => c.lead === lead && !c.reengaged && rejection(c)),
  }))
  const backs = m.world.clocks.filter((c) => c.kind === 'hand_over' && c.reengaged)
  const reEngaged = backs.map((back) => {
    const next = backs
      .filter((b) => b.lead === back.lead && b.startedAt > back.startedAt)
      .map((b) => b.startedAt.getTime())
    const until = Math.min(Infinity, ...next)
    return {
      lead: back.lead,
      at: back.startedAt,
      reengaged: true,
      cases: m.world.cases.filter(
        (c) =>
          c.lead === back.lead &&
          c.reengaged &&
          rejection(c) &&
          c.openedAt >= back.startedAt &&
          c.openedAt.getTime() < until,
      ),
    }
  })
  return [...netNew, ...reEngaged]
}

export function sourcesCsv(m: Model): Row[] {
  const f = m.filter
  const units = handOvers(m).filter(
    ({ lead: l, at, reengaged, cases }) =>
      inRange(m, at) &&
      (!f.handOver || handOverOf(reengaged) === f.handOver) &&
      (!f.rep || l.rep === f.rep) &&
      (!f.source || l.source === f.source) &&
      (!f.campaign || l.campaign === f.campaign) &&
      (!f.history || !l.history) &&
      (!f.reason || cases.some((c) => c.reason === f.reason)),
  )
  const figures = (of: HandOverUnit[]) => {
    const bad = count(of, (u) => u.cases.some((c) => c.verdict === 'does_not_meet'))
    return [
      of.length,
      count(of, (u) => !u.reengaged),
      count(of, (u) => u.reengaged),
      count(of, (u) => u.cases.length > 0),
      bad,
      count(of, (u) => u.cases.some((c) => c.verdict === 'meets')),
      percent(bad, of.length),
    ]
  }
  const grouped = (section: string, key: (l: LeadFact) => string) =>
    [...new Set(units.map((u) => key(u.lead)))]
      .map((name) => [section, name, ...figures(units.filter((u) => key(u.lead) === name))])
      .sort((a, b) => (b[2] as number) - (a[2] as number) || byName(String(a[1]), String(b[1])))
  return [
    [
      'section',
      'name',
      'handed_over',
      'net_new',
      're_engaged',
      'rejected',
      'confirmed_bad',
      'confirmed_good',
      'confirmed_bad_percent',
    ],
    ...m.months.map((p) => ['Period', p, ...figures(units.filter((u) => month(u.at) === p))]),
    ...grouped('Source', (l) => l.source),
    ...grouped('Campaign', (l) => l.campaign),
  ]
}

/** A lead's latest outcome: the latest date, then the one recorded last. */
function latestOutcome(m: Model, lead: LeadFact): Outcome | undefined {
  const known = m.world.outcomes.filter((o) => o.lead === lead)
  return known.reduce<(typeof known)[number] | undefined>(
    (latest, o) => (latest && latest.occurredOn > o.occurredOn ? latest : o),
    undefined,
  )?.outcome
}

export function hindsightCsv(m: Model): Row[] {
  const cases = m.world.cases.filter(
    (c) => c.kind === 'rejected' && caseKept(m, c) && inRange(m, c.openedAt),
  )
  const known = (of: CaseFact[]) =>
    of.flatMap((c) => {
      const outcome = latestOutcome(m, c.lead)
      return outcome ? [{ c, outcome, real: REAL_BUYERS.includes(outcome) }] : []
    })
  const figures = (of: CaseFact[]) => {
    const withOutcome = known(of)
    const notBuyers = count(withOutcome, (k) => !k.real)
    const ruled = withOutcome.filter((k) => k.c.verdict !== null)
    const right = count(ruled, (k) => (k.c.verdict === 'meets') === k.real)
    return [
      of.length,
      withOutcome.length,
      withOutcome.length - notBuyers,
      notBuyers,
      percent(notBuyers, withOutcome.length),
      ruled.length,
      right,
      percent(right, ruled.length),
    ]
  }
  return [
    [
      'section',
      'name',
      'rejected',
      'outcome_known',
      'real_buyers',
      'not_buyers',
      'rejection_hindsight_accuracy_percent',
      'verdicts_with_outcome',
      'verdicts_right',
      'verdict_hindsight_accuracy_percent',
    ],
    ...periodRows(m, cases, (c) => c.openedAt, figures),
    ...OUTCOMES.map((o) => [
      'Outcome',
      OUTCOME_LABELS[o],
      count(known(cases), (k) => k.outcome === o),
    ]),
  ]
}

export function verdictsCsv(m: Model): Row[] {
  const cases = m.world.cases.filter((c) => caseKept(m, c) && inRange(m, c.openedAt))
  const decided = cases.filter((c) => c.status === 'decided')
  const figures = (of: CaseFact[]) => {
    const ruled = of.filter((c) => c.status === 'decided')
    const agree = count(ruled, (c) => c.agree === true)
    return [
      ruled.length,
      count(ruled, (c) => c.verdict === 'meets'),
      count(ruled, (c) => c.disposition === 'disqualified'),
      count(ruled, (c) => c.disposition === 'nurture'),
      agree,
      percent(agree, ruled.length),
      count(ruled, (c) => c.unanimous === true),
      count(ruled, (c) => c.unanimous === false),
      0, // No tie in this world: the chair never breaks one.
      count(of, (c) => c.status === 'conceded'),
    ]
  }
  const departures = [...new Set(decided.flatMap((c) => c.departures))]
    .map((key) => ({ key, n: count(decided, (c) => c.departures.includes(key)) }))
    .sort((a, b) => b.n - a.n || byName(a.key, b.key))
  return [
    [
      'section',
      'name',
      'decided',
      'meets',
      'disqualified',
      'nurture',
      'agree_with_definition',
      'agreement_percent',
      'unanimous',
      'split',
      'tie_broken_by_chair',
      'conceded',
    ],
    ...periodRows(m, cases, (c) => c.openedAt, figures),
    ...departures.map((d) => ['Departures', CRITERIA[d.key] as string, d.n]),
    // Members' departures (decision 41): every vote's, once per criterion.
    ...[...new Set(decided.flatMap((c) => c.voteDepartures))]
      .map((key) => ({
        key,
        n: decided.reduce((n, c) => n + c.voteDepartures.filter((k) => k === key).length, 0),
      }))
      .sort((a, b) => b.n - a.n || byName(a.key, b.key))
      .map((d) => ['Member departures', CRITERIA[d.key] as string, d.n]),
    ...MEMBERS.map(([member, name]) => {
      const votes = count(decided, (c) => c.voters.includes(member))
      return ['Participation', name, votes, 0, percent(votes, decided.length)]
    }),
  ]
}

/** How a clock stands now: acted in time, breached, or still running. */
const inTime = (c: ClockFact) =>
  (c.action === 'accepted' || c.action === 'rejected') && (c.actedAt as Date) <= c.dueAt
const breached = (m: Model, c: ClockFact) =>
  c.action === 'ignored' ||
  (c.actedAt !== null && c.actedAt > c.dueAt) ||
  (c.actedAt === null && c.dueAt < m.now)
const workingTimes = (clocks: ClockFact[]) =>
  clocks
    .filter((c) => c.action === 'accepted' || c.action === 'rejected')
    .map((c) => (c.actedAt as Date).getTime() - c.startedAt.getTime())

/**
 * The clocks of a kind the filters keep: rep, the lead's source and campaign, a return's reason,
 * a hand-over's kind (net-new or re-engaged).
 */
function clocksOf(m: Model, kind: 'hand_over' | 'return', range: (date: Date) => boolean) {
  const f = m.filter
  return m.world.clocks.filter(
    (c) =>
      c.kind === kind &&
      range(c.startedAt) &&
      (!f.rep || c.rep === f.rep) &&
      (!f.source || c.lead.source === f.source) &&
      (!f.campaign || c.lead.campaign === f.campaign) &&
      (kind === 'hand_over' || !f.reason || c.reason === f.reason) &&
      (kind === 'return' || !f.handOver || handOverOf(c.reengaged) === f.handOver),
  )
}

export function slaCsv(m: Model): Row[] {
  const clockRows = (section: string, kind: 'hand_over' | 'return') =>
    m.months.map((p) => {
      const clocks = clocksOf(m, kind, (date) => month(date) === p)
      const [ok, late] = [count(clocks, inTime), count(clocks, (c) => breached(m, c))]
      const [median, p90] = ranks(workingTimes(clocks))
      const running = count(clocks, (c) => c.actedAt === null && c.dueAt >= m.now)
      return [
        section,
        p,
        clocks.length,
        '',
        ok,
        late,
        '',
        running,
        percent(ok, ok + late),
        hours(median),
        hours(p90),
      ]
    })
  const review = m.months.map((p) => {
    const cases = m.world.cases.filter(
      (c) => c.status !== 'imported' && caseKept(m, c) && month(c.openedAt) === p,
    )
    const decided = cases.filter((c) => c.decidedAt !== null)
    const ok = count(decided, (c) => (c.decidedAt as Date) <= c.reviewDueAt)
    const overdue = count(cases, (c) => c.status === 'in_review' && c.reviewDueAt < m.now)
    const [median, p90] = ranks(
      decided.map((c) => (c.decidedAt as Date).getTime() - c.openedAt.getTime()),
    )
    return [
      'Review',
      p,
      cases.length,
      decided.length,
      ok,
      '',
      overdue,
      '',
      percent(ok, decided.length + overdue),
      hours(median),
      hours(p90),
    ]
  })
  return [
    [
      'section',
      'period',
      'count',
      'decided',
      'in_time',
      'breached',
      'open_overdue',
      'running',
      'compliance_percent',
      'median_hours',
      'p90_hours',
    ],
    ...clockRows('Follow-up', 'hand_over'),
    ...review,
    ...clockRows('Return', 'return'),
  ]
}

export function scorecardCsv(m: Model): Row[] {
  const f = m.filter
  const clocks = clocksOf(m, 'hand_over', (date) => inRange(m, date))
  const shows = (stage: CaseStage) => !f.stage || f.stage === stage
  // Every rep with a clock in the range, or a rejection after contact or a conversion in it.
  const rows = Object.keys(NAMES)
    .filter((rep) => !f.rep || rep === f.rep)
    .flatMap((rep) => {
      const own = clocks.filter((c) => c.rep === rep)
      const accepted = own.filter((c) => c.action === 'accepted')
      const cases = m.world.cases.filter(
        (c) =>
          c.kind === 'rejected' && c.rep === rep && caseKept(m, c, false) && inRange(m, c.openedAt),
      )
      const [ok, late] = [count(own, inTime), count(own, (c) => breached(m, c))]
      // Conversions: the rep's leads converted in the range; and of the clocks they accepted, those
      // whose lead they have converted since.
      const converted = m.world.leads.filter(
        (l) =>
          l.rep === rep &&
          l.convertedAt !== null &&
          inRange(m, l.convertedAt) &&
          (!f.source || l.source === f.source) &&
          (!f.campaign || l.campaign === f.campaign) &&
          (!f.history || !l.history) &&
          (!f.handOver || handOverOf(l.reengaged) === f.handOver),
      )
      const acceptedConverted = count(
        accepted,
        (c) => c.lead.convertedAt !== null && c.lead.rep === rep,
      )
      if (own.length === 0 && converted.length === 0 && !cases.some((c) => c.afterContact))
        return []
      return [
        [
          NAMES[rep] as string,
          own.length,
          accepted.length,
          shows('before_contact') ? count(own, (c) => c.action === 'rejected') : 0,
          count(cases, (c) => c.afterContact),
          shows('ignored') ? count(own, (c) => c.action === 'ignored') : 0,
          percent(accepted.length, own.length),
          percent(
            count(cases, (c) => c.verdict === 'does_not_meet'),
            count(cases, (c) => c.verdict !== null),
          ),
          converted.length,
          acceptedConverted,
          percent(acceptedConverted, accepted.length),
          hours(ranks(workingTimes(own))[0]),
          percent(ok, ok + late),
        ],
      ]
    })
  return [
    [
      'rep',
      'received',
      'accepted',
      'rejected_before_contact',
      'rejected_after_contact',
      'ignored',
      'acceptance_percent',
      'accuracy_percent',
      'converted',
      'accepted_converted',
      'conversion_percent',
      'median_hours_to_first_action',
      'sla_compliance_percent',
    ],
    ...rows.sort((a, b) => byName(String(a[0]), String(b[0]))),
  ]
}

/** The model of a world under a filter, for the months of the range, read at `now`. */
export const model = (world: World, filter: Filter, months: string[], now: Date): Model => ({
  world,
  filter,
  months,
  now,
})
