// A small world for the report filter test (tests/routes/report-filters.test.ts), in
// Europe/London from January to April 2026 (GMT until 29 March): leads worked in Leadcourt,
// leads imported from a CRM as history, and a lead imported live with its CRM rejection, each
// made through the domain functions at a pinned instant. Beside them, the world writes down the
// facts the reports count (whose, what, when), from which tests/support/report-model.ts works
// out every figure on its own. Every clock runs on weekdays within one week, so a working time
// is the time between two instants, and a due time is a whole number of days later. Issue 16
// adds a lead's whole life: L4, accepted, is rejected after contact, sent to nurture, handed
// back (re-engaged), rejected again and upheld, then turns out a real buyer; L11 and L3 are
// marked converted (tests/support/lifecycle.ts writes what other branches' use cases will).
import { eq } from 'drizzle-orm'
import { castVote } from '~/domain/cases/cast-vote.server'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { recordOutcome } from '~/domain/outcomes/outcomes.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import type { Result } from '~/domain/result'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { getDb } from '~/platform/db.server'
import type { CaseStatus, Disposition, Outcome, Verdict } from '~db/enums'
import { votes as votesTable } from '~db/schema'
import { storeAllDayWeekdays } from './calendar'
import { activateDefinition, ICP_CRITERIA } from './definition'
import { seedTeam } from './factories'
import { handOverLead, importedLead, userId } from './leads'
import { handBack, markCaseReengaged, markConverted, rejectAfterContact } from './lifecycle'

export type LeadFact = {
  key: string
  id: number
  rep: string
  source: string
  campaign: string
  handedOverAt: Date
  history: boolean
  /** When its rep marked it converted, if they did. */
  convertedAt: Date | null
  /** Its current hand-over is a re-engaged one. */
  reengaged: boolean
}
export type CaseFact = {
  key: string
  lead: LeadFact
  kind: 'rejected' | 'ignored'
  /** A rejection after contact (the lead was accepted and worked). */
  afterContact: boolean
  /** Opened on a re-engaged hand-over. */
  reengaged: boolean
  status: CaseStatus
  reason: string | null
  rep: string
  openedAt: Date
  reviewDueAt: Date
  decidedAt: Date | null
  verdict: Verdict | null
  disposition: Disposition | null
  unanimous: boolean | null
  /** Whether the verdict agrees with the evaluation the majority findings complete. */
  agree: boolean | null
  /** The criteria the verdict departs on ('*': none, a "does not meet" on a good lead). */
  departures: string[]
  voters: string[]
  /** Each vote's departures, one entry per vote and criterion (decision 41), as the votes record them. */
  voteDepartures: string[]
}
export type ClockFact = {
  kind: 'hand_over' | 'return'
  /** A re-engaged hand-over (handed back from nurture). */
  reengaged: boolean
  lead: LeadFact
  rep: string
  /** A return's: the reason of the case whose verdict sent the lead back. */
  reason: string | null
  startedAt: Date
  dueAt: Date
  actedAt: Date | null
  action: 'accepted' | 'rejected' | 'ignored' | null
}
export type OutcomeFact = { lead: LeadFact; outcome: Outcome; occurredOn: string }
export type World = {
  leads: LeadFact[]
  cases: CaseFact[]
  clocks: ClockFact[]
  outcomes: OutcomeFact[]
}

const H = 3_600_000
const DAY = 24 * H
const at = (iso: string) => new Date(`${iso}:00Z`)
const later = (date: Date, ms: number) => new Date(date.getTime() + ms)
const check = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return result
}

type Vote = [member: string, verdict: Verdict, findings: Record<string, 'met' | 'unmet'>]

/** Builds the world (the team, the ICP definition, then January to April) and returns its facts. */
export async function reportWorld(): Promise<World> {
  const db = getDb()
  await seedTeam(at('2025-11-01T09:00'))
  storeAllDayWeekdays(getDb())
  activateDefinition(db, ICP_CRITERIA, at('2025-12-01T09:00'))
  const world: World = { leads: [], cases: [], clocks: [], outcomes: [] }
  const lead = (key: string) => world.leads.find((l) => l.key === key) as LeadFact
  const kase = (key: string) => world.cases.find((c) => c.key === key) as CaseFact
  const ids = new Map<string, number>()
  const reasonId = (label: string) => listReasons(db).find((r) => r.label === label)?.id ?? 0
  const runningClock = (key: string) =>
    world.clocks.find((c) => c.lead.key === key && c.action === null) as ClockFact

  /** A lead handed over now, with its follow-up clock (48 working hours). */
  const live = (key: string, rep: string, source: string, campaign: string, when: string) => {
    const handedOverAt = at(when)
    const id = handOverLead(rep, { source, campaign }, { at: handedOverAt })
    const fact = {
      key,
      id,
      rep,
      source,
      campaign,
      handedOverAt,
      history: false,
      convertedAt: null,
      reengaged: false,
    }
    world.leads.push(fact)
    const dueAt = later(handedOverAt, 2 * DAY)
    world.clocks.push({
      kind: 'hand_over',
      reengaged: false,
      lead: fact,
      rep,
      reason: null,
      startedAt: handedOverAt,
      dueAt,
      actedAt: null,
      action: null,
    })
  }
  const act = (key: string, action: 'accepted' | 'rejected', when: Date) =>
    Object.assign(runningClock(key), { actedAt: when, action })
  /** A case opened now: in review for 5 working days, a week from a weekday. */
  const opened = (
    key: string,
    of: LeadFact,
    kind: 'rejected' | 'ignored',
    reason: string | null,
    when: Date,
  ) =>
    world.cases.push({
      key,
      lead: of,
      kind,
      afterContact: false,
      reengaged: false,
      status: 'in_review',
      reason,
      rep: of.rep,
      openedAt: when,
      reviewDueAt: later(when, 7 * DAY),
      decidedAt: null,
      verdict: null,
      disposition: null,
      unanimous: null,
      agree: null,
      departures: [],
      voters: [],
      voteDepartures: [],
    })
  const reject = (key: string, reason: string, when: string, caseKey = `C-${key}`) => {
    const of = lead(key)
    const { caseId } = check(
      rejectLead(
        db,
        { id: userId(of.rep) },
        of.id,
        { reasonId: reasonId(reason), notes: reason, contactAttempts: 1 },
        at(when),
      ),
    )
    ids.set(caseKey, caseId)
    act(key, 'rejected', at(when))
    opened(caseKey, of, 'rejected', reason, at(when))
  }
  const accept = (key: string, when: string) => {
    check(acceptLead(db, { id: userId(lead(key).rep) }, lead(key).id, at(when)))
    act(key, 'accepted', at(when))
  }
  const concede = (key: string, when: string) => {
    check(concedeCase(db, userId('maya'), ids.get(key) as number, 'nurture', at(when)))
    Object.assign(kase(key), {
      status: 'conceded',
      verdict: 'does_not_meet',
      disposition: 'nurture',
      decidedAt: at(when),
    })
  }
  /**
   * The committee votes, half an hour apart from `when`; the last vote decides. A "meets"
   * returns the lead to its rep with a return clock (24 working hours).
   */
  const decide = (
    key: string,
    when: string,
    votes: Vote[],
    record: {
      disposition: Disposition | null
      agree: boolean
      departures: string[]
      justification?: string
    },
  ) => {
    for (const [i, [member, verdict, finding]] of votes.entries())
      check(
        castVote(
          db,
          userId(member),
          ids.get(key) as number,
          {
            verdict,
            ...(verdict === 'does_not_meet'
              ? { disposition: record.disposition ?? 'nurture' }
              : {}),
            rationale: `${member}: ${verdict}`,
            finding,
            ...(record.justification ? { departureJustification: record.justification } : {}),
          },
          later(at(when), (i * H) / 2),
        ),
      )
    const meets = votes.filter(([, verdict]) => verdict === 'meets').length
    const verdict: Verdict = meets * 2 > votes.length ? 'meets' : 'does_not_meet'
    const decidedAt = later(at(when), ((votes.length - 1) * H) / 2)
    const c = Object.assign(kase(key), {
      status: 'decided',
      verdict,
      decidedAt,
      disposition: verdict === 'meets' ? null : record.disposition,
      unanimous: meets === 0 || meets === votes.length,
      agree: record.agree,
      departures: record.departures,
      voters: votes.map(([member]) => member),
      voteDepartures: db
        .select({ departures: votesTable.departures })
        .from(votesTable)
        .where(eq(votesTable.caseId, ids.get(key) as number))
        .all()
        .flatMap((v) => v.departures),
    })
    if (verdict === 'meets')
      world.clocks.push({
        kind: 'return',
        reengaged: false,
        lead: c.lead,
        rep: c.rep,
        reason: c.reason,
        startedAt: decidedAt,
        dueAt: later(decidedAt, DAY),
        actedAt: null,
        action: null,
      })
  }
  const outcome = (key: string, value: Outcome, occurredOn: string) => {
    check(
      recordOutcome(
        db,
        userId('maya'),
        lead(key).id,
        { outcome: value, occurredOn },
        at('2026-04-14T10:00'),
      ),
    )
    world.outcomes.push({ lead: lead(key), outcome: value, occurredOn })
  }
  /** Its rep rejects a working lead after contact; the review clock is the one the case got. */
  const rejectWorked = (key: string, reason: string, when: string) => {
    const of = lead(key)
    const opening = rejectAfterContact(
      of.id,
      { id: reasonId(reason), label: reason },
      userId(of.rep),
      at(when),
    )
    ids.set(`C-${key}`, opening.caseId)
    opened(`C-${key}`, of, 'rejected', reason, at(when))
    Object.assign(kase(`C-${key}`), { afterContact: true, reviewDueAt: opening.reviewDueAt })
  }
  /** Handed back from nurture to its rep (a re-engaged hand-over): a fresh 48-hour clock. */
  const handedBack = (key: string, when: string) => {
    const of = Object.assign(lead(key), { reengaged: true })
    const dueAt = later(at(when), 2 * DAY)
    handBack(of.id, userId(of.rep), at(when), dueAt)
    world.clocks.push({
      kind: 'hand_over',
      reengaged: true,
      lead: of,
      rep: of.rep,
      reason: null,
      startedAt: at(when),
      dueAt,
      actedAt: null,
      action: null,
    })
  }
  /** A rejection of a re-engaged lead: a re-engaged case (`key` R-…). */
  const rejectAgain = (key: string, reason: string, when: string) => {
    reject(key, reason, when, `R-${key}`)
    const c = Object.assign(kase(`R-${key}`), { reengaged: true })
    c.reviewDueAt = markCaseReengaged(ids.get(`R-${key}`) as number).reviewDueAt
  }
  const converted = (key: string, when: string) => {
    markConverted(lead(key).id, at(when))
    lead(key).convertedAt = at(when)
  }
  /** A lead from the CRM, imported on 10 April: history unless `live`; rejected, won, or accepted then. */
  const imported = (
    key: string,
    rep: string,
    source: string,
    campaign: string,
    when: string,
    crm: { live?: true; rejected?: [reason: string, at: string]; won?: string; accepted?: string },
  ) => {
    const handedOverAt = at(when)
    const rejected = crm.rejected
      ? {
          reason: { id: reasonId(crm.rejected[0]), label: crm.rejected[0] },
          at: at(crm.rejected[1]),
        }
      : null
    const id = importedLead(
      rep,
      { source, campaign },
      {
        arrival: {
          handedOverAt,
          clock: false,
          history: !crm.live,
          status: rejected ? 'rejected' : crm.accepted ? 'working' : 'new',
          acceptedAt: crm.accepted ? at(crm.accepted) : null,
        },
        past: { rejected, won: crm.won ? { on: crm.won } : null },
        importedAt: at('2026-04-10T10:00'),
      },
    )
    const fact = {
      key,
      id,
      rep,
      source,
      campaign,
      handedOverAt,
      history: !crm.live,
      convertedAt: null,
      reengaged: false,
    }
    world.leads.push(fact)
    if (rejected) {
      opened(`IC-${key}`, fact, 'rejected', rejected.reason.label, rejected.at)
      Object.assign(kase(`IC-${key}`), { status: 'imported', reviewDueAt: rejected.at })
    }
    if (crm.won) world.outcomes.push({ lead: fact, outcome: 'won', occurredOn: crm.won })
  }

  /** The three members' votes, each the same. */
  const all = (verdict: Verdict, findings: Vote[2]): Vote[] =>
    ['victor', 'clara', 'erin'].map((member): Vote => [member, verdict, findings])
  const upheld = all('does_not_meet', { company_size: 'unmet', engagement: 'unmet' })
  // January. L1 is upheld against the definition (the lead meets it: no criterion says why).
  live('L1', 'dana', 'Webinar', 'Spring', '2026-01-05T09:00')
  reject('L1', 'No budget', '2026-01-05T11:00')
  live('L2', 'omar', 'Trade show', 'Expo', '2026-01-06T09:00')
  reject('L2', 'No authority', '2026-01-06T10:00')
  concede('C-L2', '2026-01-07T10:00')
  decide('C-L1', '2026-01-07T10:00', all('does_not_meet', { engagement: 'unmet' }), {
    disposition: 'nurture',
    agree: false,
    departures: ['*'],
    justification: 'A reseller, not a buyer',
  })
  live('L3', 'dana', 'Webinar', 'Spring', '2026-01-12T09:00')
  reject('L3', 'No budget', '2026-01-12T10:00')
  live('L4', 'omar', 'Webinar', 'Expo', '2026-01-13T09:00')
  accept('L4', '2026-01-13T12:00')
  decide('C-L3', '2026-01-14T10:00', all('meets', { engagement: 'met' }), {
    disposition: null,
    agree: true,
    departures: [],
  })
  accept('L3', '2026-01-14T15:00')
  // L4, accepted, is rejected after contact; upheld, it goes to nurture.
  rejectWorked('L4', 'No budget', '2026-01-20T10:00')
  decide('C-L4', '2026-01-22T10:00', upheld, {
    disposition: 'nurture',
    agree: true,
    departures: [],
  })
  // February: L5 rejected late and never ruled on; L6 ignored.
  live('L5', 'dana', 'Webinar', 'Expo', '2026-02-02T09:00')
  live('L6', 'omar', 'Webinar', 'Spring', '2026-02-03T09:00')
  reject('L5', 'No authority', '2026-02-04T12:00')
  if (sweepIgnoredLeads(db, at('2026-02-06T09:00')) !== 1) throw new Error('One lead was ignored')
  Object.assign(runningClock('L6'), { actedAt: at('2026-02-06T09:00'), action: 'ignored' })
  opened('I-L6', lead('L6'), 'ignored', null, at('2026-02-06T09:00'))
  // L11 is accepted, and converted in March.
  live('L11', 'dana', 'Webinar', 'Spring', '2026-02-09T09:00')
  accept('L11', '2026-02-09T11:00')
  // March: L7 upheld by a split vote; L8 never acted on; L10 overturned against the definition
  // (its company is too small by the committee's findings) and returned to Omar, who does not act.
  live('L7', 'dana', 'Trade show', 'Expo', '2026-03-02T09:00')
  reject('L7', 'No budget', '2026-03-02T10:00')
  decide(
    'C-L7',
    '2026-03-04T10:00',
    [upheld[0] as Vote, ['clara', 'meets', { engagement: 'met' }], upheld[2] as Vote],
    {
      disposition: 'disqualified',
      agree: true,
      departures: [],
    },
  )
  live('L8', 'omar', 'Webinar', 'Spring', '2026-03-09T09:00')
  live('L10', 'omar', 'Trade show', 'Expo', '2026-03-16T09:00')
  reject('L10', 'No authority', '2026-03-16T10:00')
  decide('C-L10', '2026-03-18T10:00', all('meets', { company_size: 'unmet', engagement: 'met' }), {
    disposition: null,
    agree: false,
    departures: ['company_size'],
    justification: 'Growing fast',
  })
  // L11 converted; L4 handed back from nurture (re-engaged), rejected before contact, and upheld
  // against the definition (the lead meets it).
  converted('L11', '2026-03-05T10:00')
  handedBack('L4', '2026-03-23T09:00')
  rejectAgain('L4', 'No authority', '2026-03-24T10:00')
  decide('R-L4', '2026-03-26T10:00', all('does_not_meet', { engagement: 'unmet' }), {
    disposition: 'nurture',
    agree: false,
    departures: ['*'],
    justification: 'Not ready to buy yet',
  })
  // 10 April: the CRM's history (H1 rejected and won, H2 accepted, H3 rejected), and W1, handed
  // over after the cut-off, imported live with its CRM rejection and its win.
  imported('H1', 'dana', 'Webinar', 'Spring', '2026-01-08T09:00', {
    rejected: ['No budget', '2026-01-09T10:00'],
    won: '2026-03-01',
  })
  imported('H2', 'omar', 'Trade show', 'Expo', '2026-02-10T09:00', { accepted: '2026-02-10T12:00' })
  imported('H3', 'omar', 'Webinar', 'Expo', '2026-03-03T09:00', {
    rejected: ['No authority', '2026-03-03T12:00'],
  })
  imported('W1', 'dana', 'Trade show', 'Spring', '2026-03-10T09:00', {
    live: true,
    rejected: ['No budget', '2026-03-10T11:00'],
    won: '2026-03-20',
  })
  // April: L9 still waiting when the reports are read (15 April, noon); outcomes learnt.
  live('L9', 'dana', 'Webinar', 'Spring', '2026-04-14T08:00')
  converted('L3', '2026-04-02T10:00')
  outcome('L1', 'no_plans', '2026-03-01')
  outcome('L2', 'won', '2026-03-15')
  outcome('L3', 'won', '2026-03-20')
  outcome('L7', 'plans_to_buy', '2026-04-01')
  outcome('L10', 'not_a_fit', '2026-04-02')
  // L4 was a real buyer: the outcome counts for both its rejections (hindsight is per lead).
  outcome('L4', 'in_buying_process', '2026-04-05')
  return world
}
