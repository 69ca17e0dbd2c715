// The sales side of Brightline's demo year: what each rep did with each lead. Leads that miss
// the definition are mostly rejected for the criterion they miss; a few good ones are rejected
// anyway (the committee will overturn those); some are simply ignored until the sweep escalates
// them; the rest are accepted. Everything goes through the same functions the app uses.

import { evaluate } from '~/domain/definition/evaluator'
import { buyingGroupQuery } from '~/domain/leads/buying-group.server'
import type { HandOver } from '~/domain/leads/hand-over.server'
import { listReasons, updateReason } from '~/domain/reasons/reasons.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { logContactAttempt } from '~/domain/sales/log-contact-attempt.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { hoursPerWorkingDay, type WorkingCalendar } from '~/domain/sla/calendar'
import { addWorkingHours, HOUR, localOfInstant } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'
import type { random } from './data.server'

/** Which reason a rep gives when a lead misses a criterion, and which criterion each disputes. */
const REASON_FOR: Record<string, string> = {
  company_size: 'Outside ideal customer profile',
  target_industry: 'Outside ideal customer profile',
  target_country: 'Outside ideal customer profile',
  seniority: 'No authority',
  engagement: 'No need',
  timeline: 'Not sales-ready (timing)',
  email: 'Bad contact data',
}
const LINKS: Record<string, string> = {
  'Outside ideal customer profile': 'company_size',
  'No authority': 'seniority',
  'No need': 'engagement',
  'Not sales-ready (timing)': 'timeline',
  'Bad contact data': 'email',
}
// Reasons reps give for leads that do meet the definition: the rejections the committee overturns.
const DOUBTFUL = [
  'No budget',
  'Unresponsive after repeated attempts',
  'Already working this account / duplicate',
  'No need',
  'Other',
]

const NOTES: Record<string, string[]> = {
  'Outside ideal customer profile': [
    'Twelve people and no IT function. Far too small for us.',
    'Retail chain; not an industry we sell to.',
    'Head office is outside our territories; no one can cover them.',
  ],
  'No authority': [
    'Analyst downloading content for a class project.',
    'Coordinator; says the decision sits with the CFO, who has never engaged.',
  ],
  'No budget': [
    'Budget frozen until the next fiscal year, according to their ops lead.',
    'Told me plainly they cannot spend anything this year.',
  ],
  'No need': [
    'Happy with their current tool; they were only curious.',
    'Built this in-house last year and are not looking.',
  ],
  'Not sales-ready (timing)': [
    'Looking 18 to 24 months out.',
    'Wants to revisit after their ERP migration next year.',
  ],
  'Bad contact data': [
    'E-mail bounces and the phone is a switchboard that has never heard of them.',
    'No e-mail on the badge scan and the number rings out.',
  ],
  'Already working this account / duplicate': [
    'We already have an open opportunity with their VP Operations.',
    'Same person as a lead from last month, under a personal e-mail.',
  ],
  'Competitor / student / job seeker / spam': [
    'Student at a business school asking for a thesis interview.',
    'Works for a competitor and asked for our pricing sheet.',
  ],
  'Unresponsive after repeated attempts': [
    'Five calls and three e-mails over two weeks, nothing back.',
    'Voicemail every time; e-mails not opened.',
  ],
  Other: [
    'The company is being acquired and all purchasing is on hold.',
    'Asked not to be contacted again.',
  ],
}

function must<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`The demo could not ${what}: ${JSON.stringify(result)}`)
  return result
}

/** Links the catalog's reasons to the demo definition's criteria, as Brightline's admin did. */
export function linkDemoReasons(db: Queryable, adminId: number, at: Date) {
  for (const reason of listReasons(db)) {
    const criterionKey = LINKS[reason.label]
    if (criterionKey)
      must(
        updateReason(db, adminId, reason.id, { ...reason, criterionKey }, at),
        'link the reasons',
      )
  }
}

type Rng = ReturnType<typeof random>

/**
 * The lead a rep names as worked when rejecting for "Already working this account": one of the
 * buying group's leads in work if any, else its newest other lead (none without a group).
 */
export function demoWorkingLead(db: Queryable, lead: { id: number; companyDomain?: unknown }) {
  if (typeof lead.companyDomain !== 'string' || !lead.companyDomain) return undefined
  const others = buyingGroupQuery(db, { id: lead.id, companyDomain: lead.companyDomain }, 50).all()
  return (others.find((o) => o.status === 'working') ?? others[0])?.id
}

/**
 * The demo's story was told in 24-hour weekdays (a follow-up clock of 48 hours, two days): an
 * hour of it is a 24th of the calendar's working day, so every wait keeps its share of its
 * clock under working hours (decision 46).
 */
export function demoHours(hours: number, calendar: WorkingCalendar): number {
  return (hours * hoursPerWorkingDay(calendar)) / 24
}

/**
 * What the rep does with one lead whose clock ran out before `now`: accept it, reject it with a
 * reason and notes, or let the clock run out (the sweep then opens an "ignored" case).
 */
export function actOnDemoLead(
  db: Queryable,
  rng: Rng,
  lead: { id: number; ownerId: number; handedOverAt: Date; values: Record<string, unknown> },
  handOver: HandOver,
  calendar: WorkingCalendar,
  // How often a rep rejects a lead that meets the definition (the rejections the committee
  // overturns): often before the definition was sharpened mid-year, rarely after.
  doubtfulRate: number,
) {
  const due = handOver.followUpDue(lead.handedOverAt)
  if (rng.chance(0.07)) {
    sweepIgnoredLeads(db, due)
    return
  }
  const rep = { id: lead.ownerId }
  const { timeZone } = calendar
  const actAt = addWorkingHours(
    lead.handedOverAt,
    demoHours(rng.int(1, 40) + rng.next(), calendar),
    calendar,
  )
  const evaluation = evaluate(lead.values, handOver.criteria)
  const unmet = handOver.criteria.filter((_, i) => evaluation.criteria[i]?.result === 'unmet')
  const reject =
    evaluation.overall === 'does_not_meet'
      ? rng.chance(0.5)
      : evaluation.overall === 'undetermined'
        ? rng.chance(0.4)
        : rng.chance(doubtfulRate)
  const attempts = reject ? rng.int(0, 4) : rng.int(1, 3)
  for (let n = 0; n < attempts; n++) {
    const at = new Date(
      lead.handedOverAt.getTime() +
        ((n + 1) / (attempts + 1)) * (actAt.getTime() - lead.handedOverAt.getTime()),
    )
    must(
      logContactAttempt(
        db,
        rep,
        lead.id,
        {
          channel: rng.pick(['call', 'call', 'email', 'meeting'] as const),
          at: localOfInstant(at, timeZone),
          note: n === 0 ? 'First touch' : undefined,
        },
        new Date(at.getTime() + HOUR),
      ),
      'log a contact attempt',
    )
  }
  if (!reject) {
    must(acceptLead(db, rep, lead.id, actAt), 'accept a lead')
    return
  }
  const missed = unmet[0]?.key
  const label =
    evaluation.overall === 'meets'
      ? rng.pick(DOUBTFUL)
      : missed
        ? (REASON_FOR[missed] ?? 'Other')
        : rng.pick(['Competitor / student / job seeker / spam', 'Bad contact data'])
  const reason = listReasons(db).find((r) => r.label === label)
  if (!reason) throw new Error(`The demo reason “${label}” is missing`)
  must(
    rejectLead(
      db,
      rep,
      lead.id,
      {
        reasonId: reason.id,
        notes: rng.pick(NOTES[label] ?? ['']),
        contactAttempts: attempts,
        workingLeadId: reason.namesWorkingLead
          ? demoWorkingLead(db, { id: lead.id, companyDomain: lead.values.companyDomain })
          : undefined,
      },
      actAt,
    ),
    'reject a lead',
  )
}
