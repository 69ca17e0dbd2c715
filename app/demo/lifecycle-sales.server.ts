// The demo's life of a lead after acceptance (decision 26): leads the reps worked and marked
// converted, leads rejected after contact, and the buying group of seven at Harbourline Freight,
// where Dana rejected the CFO as "Already working this account / duplicate" naming Omar's VP
// Operations, and the committee overturned it. Written through the domain, with the clock set
// back; every lead ends accepted, converted or in review, so no follow-up clock is left to run out.
import { castVote } from '~/domain/cases/cast-vote.server'
import { concedeCase, contestCase } from '~/domain/cases/respond-to-case.server'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { logContactAttempt } from '~/domain/sales/log-contact-attempt.server'
import { markConverted } from '~/domain/sales/mark-converted.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { HOUR, localOfInstant } from '~/domain/sla/clock'
import type { Queryable } from '~db/connection'

const DAY = 24 * HOUR

/** The account of the demo's buying group. */
export const DEMO_ACCOUNT = { company: 'Harbourline Freight', domain: 'harbourlinefreight.example' }

function must<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`The demo could not ${what}: ${JSON.stringify(result)}`)
  return result
}

type Person = { first: string; last: string; title: string }
type Company = { company: string; domain: string; industry: string; employees: number }

const FIT = { country: 'United Kingdom', engagementScore: '72', purchaseTimelineMonths: '6' }

/** Leads worked and marked converted: [person, company, rep, days ago, opportunity]. */
const CONVERTED: [Person, Company, string, number, { ref: string; amount: number } | null][] = [
  [
    { first: 'Greta', last: 'Holm', title: 'VP Finance' },
    {
      company: 'Fjordline Capital',
      domain: 'fjordlinecapital.example',
      industry: 'Financial Services',
      employees: 850,
    },
    'dana',
    38,
    { ref: 'OPP-2026-0412', amount: 48_000 },
  ],
  [
    { first: 'Kwame', last: 'Mensah', title: 'Head of Revenue Operations' },
    {
      company: 'Redwood Medical',
      domain: 'redwoodmedical.example',
      industry: 'Healthcare',
      employees: 1_200,
    },
    'omar',
    33,
    { ref: 'OPP-2026-0431', amount: 125_000 },
  ],
  [
    { first: 'Lena', last: 'Fischer', title: 'Director of Operations' },
    {
      company: 'Kestrel Software',
      domain: 'kestrelsoftware.example',
      industry: 'Software',
      employees: 310,
    },
    'lucy',
    27,
    { ref: 'OPP-2026-0457', amount: 36_500 },
  ],
  [
    { first: 'Rafael', last: 'Ortiz', title: 'Chief Operating Officer' },
    {
      company: 'Albion Foundry',
      domain: 'albionfoundry.example',
      industry: 'Manufacturing',
      employees: 2_400,
    },
    'dana',
    21,
    null,
  ],
  [
    { first: 'Yuki', last: 'Tanaka', title: 'VP Sales Operations' },
    {
      company: 'Meridian Health',
      domain: 'meridianhealthgroup.example',
      industry: 'Healthcare',
      employees: 640,
    },
    'omar',
    16,
    { ref: 'OPP-2026-0502', amount: 72_000 },
  ],
  [
    { first: 'Noor', last: 'Haddad', title: 'Director of Finance' },
    {
      company: 'Copperleaf Systems',
      domain: 'copperleafsystems.example',
      industry: 'Software',
      employees: 180,
    },
    'lucy',
    12,
    null,
  ],
]

/** Leads accepted, worked and then rejected after contact: [person, company, rep, days ago, reason, notes, attempts]. */
const AFTER_CONTACT: [Person, Company, string, number, string, string, number][] = [
  [
    { first: 'Oliver', last: 'Grant', title: 'Head of Logistics' },
    {
      company: 'Tidewater Shipping',
      domain: 'tidewatershipping.example',
      industry: 'Logistics',
      employees: 420,
    },
    'dana',
    11,
    'No budget',
    'Spoke to him twice: the budget for new tools is frozen until the next fiscal year.',
    3,
  ],
  [
    { first: 'Hanna', last: 'Berg', title: 'VP Operations' },
    {
      company: 'Nordic Components',
      domain: 'nordiccomponents.example',
      industry: 'Manufacturing',
      employees: 260,
    },
    'omar',
    9,
    'No need',
    'Demo went well but they renewed their current platform for three years last month.',
    2,
  ],
  [
    { first: 'Samir', last: 'Khan', title: 'Director of IT' },
    {
      company: 'Bluegate Insurance',
      domain: 'bluegateinsurance.example',
      industry: 'Financial Services',
      employees: 900,
    },
    'lucy',
    7,
    'Unresponsive after repeated attempts',
    'Answered the first call and asked for a proposal; nothing since, four follow-ups.',
    4,
  ],
]

/** The buying group at Harbourline Freight, oldest hand-over first: [person, rep, days ago]. */
const GROUP: [Person, string, number][] = [
  [{ first: 'Hannah', last: 'Cole', title: 'VP Operations' }, 'omar', 45],
  [{ first: 'Marcus', last: 'Webb', title: 'Head of IT' }, 'lucy', 30],
  [{ first: 'Elena', last: 'Rossi', title: 'Logistics Analyst' }, 'omar', 25],
  [{ first: 'Jonas', last: 'Lindgren', title: 'Procurement Director' }, 'lucy', 20],
  [{ first: 'Priya', last: 'Shah', title: 'CFO' }, 'dana', 12],
  [{ first: 'Tom', last: 'Fischer', title: 'Warehouse Manager' }, 'dana', 8],
  [{ first: 'Sofia', last: 'Lind', title: 'CTO' }, 'lucy', 5],
]

/**
 * Seeds the life after acceptance into the demo (inside seedDemo's transaction): six converted
 * leads (four with an opportunity reference and amount), three rejections after contact with
 * their attempts logged, and the buying group of seven with its overturned "already working"
 * case. `id` gives a demo user's id by first name.
 */
export function seedLifecycleSales(
  db: Queryable,
  now: Date,
  timeZone: string,
  id: (name: string) => number,
) {
  const maya = id('maya')
  const handOver = currentHandOver(db, maya)
  const reason = (label: string) => {
    const found = listReasons(db).find((r) => r.label === label)
    if (!found) throw new Error(`The demo reason “${label}” is missing`)
    return found
  }
  let serial = 0
  const lead = (person: Person, company: Company, rep: string, at: Date) => {
    serial++
    const fields = LeadFieldsSchema.parse({
      externalId: `00QLIFE${String(serial).padStart(3, '0')}`,
      email: `${person.first}.${person.last}@${company.domain}`.toLowerCase(),
      firstName: person.first,
      lastName: person.last,
      title: person.title,
      company: company.company,
      companyDomain: company.domain,
      industry: company.industry,
      employeeCount: String(company.employees),
      source: 'Webinar',
      campaign: 'Forecasting without spreadsheets',
      lifecycleStage: 'sql',
      ...FIT,
    })
    return writtenLeadId(upsertLead(db, maya, fields, { ownerId: id(rep), handOver }, at))
  }
  /** The rep accepts two hours after hand-over and logs `attempts` over the following days. */
  const work = (leadId: number, rep: string, at: Date, attempts: number) => {
    const actor = { id: id(rep) }
    must(acceptLead(db, actor, leadId, new Date(at.getTime() + 2 * HOUR)), 'accept a lead')
    for (let n = 0; n < attempts; n++) {
      const when = new Date(at.getTime() + 3 * HOUR + n * DAY)
      must(
        logContactAttempt(
          db,
          actor,
          leadId,
          { channel: n % 2 ? 'email' : 'call', at: localOfInstant(when, timeZone) },
          new Date(when.getTime() + HOUR),
        ),
        'log a contact attempt',
      )
    }
    return actor
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY)

  for (const [person, company, rep, days, opportunity] of CONVERTED) {
    const at = ago(days)
    const leadId = lead(person, company, rep, at)
    const actor = work(leadId, rep, at, 2)
    must(
      markConverted(
        db,
        actor,
        leadId,
        opportunity
          ? { opportunityRef: opportunity.ref, opportunityAmount: opportunity.amount }
          : {},
        new Date(at.getTime() + 6 * DAY),
      ),
      'mark a lead converted',
    )
  }

  for (const [person, company, rep, days, label, notes, attempts] of AFTER_CONTACT) {
    const at = ago(days)
    const leadId = lead(person, company, rep, at)
    const actor = work(leadId, rep, at, attempts)
    must(
      rejectLead(
        db,
        actor,
        leadId,
        { reasonId: reason(label).id, notes, contactAttempts: attempts },
        new Date(at.getTime() + (attempts + 1) * DAY),
      ),
      'reject a lead after contact',
    )
  }

  seedBuyingGroup(db, now, id, { lead, work, ago, reason })
}

type Steps = {
  lead: (person: Person, company: Company, rep: string, at: Date) => number
  work: (leadId: number, rep: string, at: Date, attempts: number) => { id: number }
  ago: (days: number) => Date
  reason: (label: string) => { id: number }
}

/**
 * Seven people at Harbourline Freight: Omar works the VP Operations; Lucy works the Head of IT
 * and the CTO and converted the Procurement Director; Marketing conceded Omar's rejection of the
 * analyst; Dana rejected the CFO as already worked (naming Omar's lead), Maya contested, the
 * committee ruled she meets the definition and returned her to Dana, who took her on.
 */
function seedBuyingGroup(
  db: Queryable,
  now: Date,
  id: (name: string) => number,
  { lead, work, ago, reason }: Steps,
) {
  const company: Company = {
    ...DEMO_ACCOUNT,
    industry: 'Logistics',
    employees: 1_400,
  }
  const ids = GROUP.map(([person, rep, days]) => lead(person, company, rep, ago(days)))
  const [vp, headOfIt, analyst, procurement, cfo, warehouse, cto] = ids as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  work(vp, 'omar', ago(45), 3)
  work(headOfIt, 'lucy', ago(30), 2)
  const buyer = work(procurement, 'lucy', ago(20), 2)
  must(
    markConverted(
      db,
      buyer,
      procurement,
      { opportunityRef: 'OPP-2026-0488', opportunityAmount: 210_000 },
      ago(10),
    ),
    'mark the procurement director converted',
  )
  work(warehouse, 'dana', ago(8), 1)
  work(cto, 'lucy', ago(5), 1)

  const analystCase = must(
    rejectLead(
      db,
      { id: id('omar') },
      analyst,
      {
        reasonId: reason('No authority').id,
        notes: 'Analyst gathering brochures for her manager; no say in the purchase.',
        contactAttempts: 0,
      },
      new Date(ago(25).getTime() + 4 * HOUR),
    ),
    'reject the analyst',
  )
  if (analystCase.ok)
    must(concedeCase(db, id('maya'), analystCase.caseId, 'nurture', ago(23)), 'concede the analyst')

  // Dana's rejection of the CFO: "already working this account", naming Omar's VP Operations.
  const rejectedAt = new Date(ago(12).getTime() + 3 * HOUR)
  const dup = must(
    rejectLead(
      db,
      { id: id('dana') },
      cfo,
      {
        reasonId: reason('Already working this account / duplicate').id,
        notes: 'Omar already has an open conversation with their VP Operations.',
        contactAttempts: 0,
        workingLeadId: vp,
      },
      rejectedAt,
    ),
    'reject the CFO as already worked',
  )
  if (!dup.ok) return
  must(
    contestCase(
      db,
      id('maya'),
      dup.caseId,
      'The CFO signs the budget: she is a new member of the buying group, not a duplicate of the VP Operations.',
      ago(11),
    ),
    'contest the CFO case',
  )
  let at = ago(10)
  for (const member of ['victor', 'clara', 'erin']) {
    at = new Date(at.getTime() + 5 * HOUR)
    const vote = must(
      castVote(
        db,
        id(member),
        dup.caseId,
        {
          verdict: 'meets',
          rationale:
            'A CFO at a 1,400-person logistics firm meets every criterion. Another person at the same account is a new member of its buying group, not a duplicate.',
          returnTo: id('dana'),
          finding: {},
        },
        at,
      ),
      'vote on the CFO case',
    )
    if (vote.ok && vote.decided) break
  }
  // Returned to Dana, who took her on the next morning.
  if (new Date(at.getTime() + DAY) < now)
    must(acceptLead(db, { id: id('dana') }, cfo, new Date(at.getTime() + DAY)), 'accept the CFO')
}
