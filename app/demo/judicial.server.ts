// The judicial branch of Brightline's demo year: marketing answers most cases, the committee
// votes on them (mostly upholding rejections of leads that miss the definition, overturning
// some, a few split or departing from it), recent cases are still open and a few are overdue.
// It goes through the same functions the app uses, with the clock set back.
import { asc, eq } from 'drizzle-orm'
import { caseEvaluation } from '~/domain/cases/case.server'
import { castVote } from '~/domain/cases/cast-vote.server'
import { completeEvaluation } from '~/domain/cases/deciding'
import { concedeCase, contestCase } from '~/domain/cases/respond-to-case.server'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import type { WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, HOUR } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import { cases } from '~db/schema'
import type { random } from './data.server'
import { demoHours } from './sales.server'

type Rng = ReturnType<typeof random>
const DAY = 24 * HOUR

const BRIEFS = [
  'They attended two webinars and asked for pricing. The definition says that is a lead.',
  'Four hundred staff, a VP title and a purchase window inside a year: every criterion is met.',
  'The rep called once. The contact data is right; we checked it with the event organiser.',
  'This account is in our target list and the contact signs the budget.',
]
const RATIONALES = {
  meets: [
    'Every required criterion holds; the rejection gives no reason the definition recognises.',
    'The data supports the lead. One call is not enough to call it unresponsive.',
    'Meets size, industry and seniority; the timing objection is not in the definition.',
  ],
  does_not_meet: [
    'The lead misses a required criterion; the rep was right to reject it.',
    'Too small for our market, as the definition says.',
    'No one with authority is involved; the definition requires a senior title.',
  ],
}

function must<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`The demo could not ${what}: ${JSON.stringify(result)}`)
  return result
}

/**
 * Works through every case the demo's reps opened, in the order they opened. `members` are
 * the committee (sales, marketing, chair); `marketers` answer the cases.
 */
export function seedDemoCases(
  db: Queryable,
  rng: Rng,
  now: Date,
  calendar: WorkingCalendar,
  people: { members: number[]; marketer: (id: number | null) => number },
) {
  const all = db.select().from(cases).orderBy(asc(cases.openedAt), asc(cases.id)).all()
  for (const c of all) {
    if (c.status !== 'in_review') continue
    const age = now.getTime() - c.openedAt.getTime()
    // The last fortnight's cases wait for the committee; some older ones are overdue.
    if (age < 14 * DAY) continue
    if (age < 60 * DAY && rng.chance(0.3)) continue
    const { criteria, automatic, overall } = caseEvaluation(db, c)
    const marketer = people.marketer(c.marketerId)
    let at = addWorkingHours(c.openedAt, demoHours(rng.int(2, 20), calendar), calendar)
    const response = rng.next()
    if (overall === 'does_not_meet' && response < 0.2) {
      must(
        concedeCase(db, marketer, c.id, rng.chance(0.6) ? 'nurture' : 'disqualified', at),
        'concede',
      )
      continue
    }
    if (response < 0.75) must(contestCase(db, marketer, c.id, rng.pick(BRIEFS), at), 'contest')
    for (const memberId of rng.chance(0.5) ? people.members : [...people.members].reverse()) {
      at = addWorkingHours(at, demoHours(rng.int(3, 30), calendar), calendar)
      // Where the data leaves a criterion open, members judge it, and sometimes differ.
      const finding: Record<string, 'met' | 'unmet'> = {}
      for (const a of automatic)
        if (a.result === 'unknown') finding[a.key] = rng.chance(0.55) ? 'met' : 'unmet'
      const own = completeEvaluation(criteria, automatic, finding).overall
      const follows = own === 'meets' ? 'meets' : 'does_not_meet'
      const departs = rng.chance(0.04)
      const verdict = departs ? (follows === 'meets' ? 'does_not_meet' : 'meets') : follows
      const result = castVote(
        db,
        memberId,
        c.id,
        {
          verdict,
          disposition:
            verdict === 'does_not_meet'
              ? rng.chance(0.6)
                ? 'nurture'
                : 'disqualified'
              : undefined,
          rationale: rng.pick(RATIONALES[verdict]),
          departureJustification: departs
            ? 'The definition does not capture this case: a reseller buying for a client, which we want to treat by its end customer.'
            : undefined,
          finding,
        },
        at,
      )
      must(result, 'cast a vote')
      if (result.ok && result.decided) {
        // A lead the committee returned is picked up again, unless it came back in the last days.
        const decided = db.select().from(cases).where(eq(cases.id, c.id)).get()
        const pickUp = addWorkingHours(at, demoHours(rng.int(1, 20), calendar), calendar)
        if (decided?.verdict === 'meets' && decided.returnedTo && pickUp < now)
          must(
            acceptLead(db, { id: decided.returnedTo }, c.leadId, pickUp),
            'accept a returned lead',
          )
        break
      }
    }
  }
}

/** The story PRODUCT.md tells: ten trade-show badge scans, all rejected as rubbish. */
export const TRADE_SHOW_COHORT = 'Logistics Tech Expo — badge scans'
const COHORT_OUTCOMES = [
  'bought_elsewhere',
  'bought_elsewhere',
  'in_buying_process',
  'in_buying_process',
  'plans_to_buy',
  'no_plans',
  'no_plans',
  'no_plans',
  'no_plans',
  'not_a_fit',
] as const

/**
 * Ten leads from one trade show, handed over eight months ago, all rejected as rubbish and
 * conceded by marketing; six months later marketing called them back: two had bought from a
 * competitor, two were mid-purchase, one planned to buy next year, four had no plans and one
 * was not a fit. Their hindsight accuracy reads 50%.
 */
export function seedTradeShowCohort(
  db: Queryable,
  now: Date,
  people: { reps: number[]; marketer: number },
  steps: {
    handOver: (fields: Record<string, string>, ownerId: number, at: Date) => number
    reject: (leadId: number, ownerId: number, at: Date) => number
  },
) {
  const handedOverAt = new Date(now.getTime() - 240 * DAY)
  const names = [
    'Ines Marr',
    'Tom Becker',
    'Aisha Noor',
    'Pavel Dvorak',
    'Mia Lund',
    'Raj Iyer',
    'Lena Vogt',
    'Sam Price',
    'Nora Quinn',
    'Eli Stone',
  ]
  COHORT_OUTCOMES.forEach((outcome, i) => {
    const [firstName, lastName] = (names[i] as string).split(' ') as [string, string]
    const ownerId = people.reps[i % people.reps.length] as number
    const at = new Date(handedOverAt.getTime() + i * 20 * 60_000)
    const leadId = steps.handOver(
      {
        externalId: `00QEXPO${i + 1}`,
        firstName,
        lastName,
        company: `${lastName} Freight`,
        source: 'Trade show',
        campaign: TRADE_SHOW_COHORT,
        lifecycleStage: 'lead',
        engagementScore: '10',
      },
      ownerId,
      at,
    )
    const caseId = steps.reject(leadId, ownerId, new Date(at.getTime() + 5 * HOUR))
    must(
      concedeCase(db, people.marketer, caseId, 'nurture', new Date(at.getTime() + 2 * DAY)),
      'concede a trade-show case',
    )
    must(
      recordOutcome(
        db,
        people.marketer,
        leadId,
        {
          outcome,
          occurredOn: new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10),
          note: 'Called back six months after the show',
        },
        new Date(now.getTime() - 30 * DAY),
      ),
      'record an outcome',
    )
  })
}
