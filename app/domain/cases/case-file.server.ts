// The case file: everything the committee, marketing and the rep read about one case.
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { timelineOf } from '~/domain/audit/trail.server'
import { evaluate } from '~/domain/definition/evaluator'
import { readCriteria } from '~/domain/definition/reading'
import { getVersion } from '~/domain/definition/versions.server'
import { buyingGroup, groupMember } from '~/domain/leads/buying-group.server'
import { fieldText, LEAD_FIELDS, leadName } from '~/domain/leads/fields'
import { leadById } from '~/domain/leads/lead.server'
import { activeReps } from '~/domain/leads/owners.server'
import { can } from '~/domain/people/access'
import { type Role, seesAllLeads } from '~/domain/people/roles'
import { escalatedTo } from '~/domain/sales/escalate.server'
import { contactAttemptsOf } from '~/domain/sales/log-contact-attempt.server'
import { getCommitteeSettings, getWorkingCalendar } from '~/domain/settings/settings.server'
import { clockAt } from '~/domain/sla/clock'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { cases, reasons, recusals, users, votes } from '~db/schema'
import { caseEvaluation, findCase } from './case.server'
import { decide, OUTSIDE_THE_DEFINITION } from './deciding'
import { casesOfLead } from './lists.server'
import { automaticRecusal, RECUSAL_WORDS, standing } from './standing.server'

type Viewer = { id: number; roles: readonly Role[] }

// Timeline entries about individual votes, seen only by the committee.
const COMMITTEE_ONLY = new Set(['case.vote_cast', 'case.vote_changed', 'case.recused'])
type Case = typeof cases.$inferSelect

/** The case if the viewer may read it: everyone who sees every lead, and the case's rep. */
export function caseForViewer(db: Queryable, viewer: Viewer, caseId: number): Case | null {
  const c = findCase(db, caseId)
  if (!c) return null
  if (seesAllLeads(viewer) || c.repId === viewer.id) return c
  // A rep who now holds the lead (it was returned to them) reads its cases too.
  const lead = leadById(db, c.leadId)
  return lead?.ownerId === viewer.id ? c : null
}

/** The page's data: the lead then and now, the evaluation, the parties' words, votes and history. */
export function caseFileView(db: Queryable, viewer: Viewer, c: Case, now: Date) {
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const when = (at: Date | null) => (at ? formatDateTime(at, timeZone) : null)
  const lead = leadById(db, c.leadId)
  if (!lead) throw new Error(`Case ${c.id} has no lead`)
  const snapshot = c.leadSnapshot
  const version = c.definitionVersionId ? getVersion(db, c.definitionVersionId) : null
  const { criteria, automatic, overall } = caseEvaluation(db, c)
  const nowEvaluation = evaluate(lead, criteria)
  const readings = readCriteria(criteria, snapshot, lead)
  // The criterion the rep's reason disputes (the reasons catalog links them), read then.
  const reasonKey = c.reasonId
    ? (db
        .select({ criterionKey: reasons.criterionKey })
        .from(reasons)
        .where(eq(reasons.id, c.reasonId))
        .get()?.criterionKey ?? null)
    : null
  const reasonReading = readings.find((r) => r.key === reasonKey) ?? null
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  )
  const nameOf = (id: number | null) => (id ? (names.get(id) ?? `User ${id}`) : null)
  // Individual votes, recusals and the state of the count are the committee's alone.
  const isCommittee = can(viewer, 'cases.vote')
  const cast = db
    .select()
    .from(votes)
    .where(eq(votes.caseId, c.id))
    .orderBy(asc(votes.castAt), asc(votes.id))
    .all()
  const stood = db.select().from(recusals).where(eq(recusals.caseId, c.id)).all()
  const decision = decide(
    cast.map((v) => ({
      memberId: v.memberId,
      seat: v.seat,
      isChair: v.isChair,
      verdict: v.verdict,
    })),
    getCommitteeSettings(db),
  )
  const group = buyingGroup(db, viewer, lead)
  // Cases of the group's other leads, where the viewer may open the lead.
  const others = (group?.others ?? []).filter((o) => o.canOpen)
  const otherCases = others.length
    ? db
        .select({
          id: cases.id,
          leadId: cases.leadId,
          kind: cases.kind,
          status: cases.status,
          reasonLabel: cases.reasonLabel,
          verdict: cases.verdict,
        })
        .from(cases)
        .where(
          and(
            inArray(
              cases.leadId,
              others.map((o) => o.id),
            ),
            ne(cases.id, c.id),
          ),
        )
        .all()
    : []
  const myVote = cast.find((v) => v.memberId === viewer.id)
  const myStanding = can(viewer, 'cases.vote') ? standing(db, c, viewer.id) : null
  const automaticStandAside = [c.filedBy, c.repId, lead.ownerId, lead.marketerId]
    .filter((id): id is number => !!id)
    .filter((id, i, all) => all.indexOf(id) === i)
    .map((id) => ({ id, why: automaticRecusal(db, c, id) }))
  return {
    id: c.id,
    kind: c.kind,
    afterContact: c.afterContact,
    status: c.status,
    leadId: lead.id,
    name: leadName(lead),
    company: lead.company,
    leadStatus: lead.status,
    openedAt: when(c.openedAt),
    // A rejection imported from the CRM: not reviewed until taken up, then reviewed from then.
    imported:
      c.status === 'imported' || c.takenUpAt
        ? { rejectedBy: nameOf(c.filedBy), on: when(c.openedAt), takenUpAt: when(c.takenUpAt) }
        : null,
    // Escalation: the rep the lead went on to when this case opened (its verdict leaves it there).
    movedOnTo: c.leadMovedOn ? (nameOf(escalatedTo(db, c)) ?? 'the next rep') : null,
    reviewClock: c.status === 'in_review' ? clockAt(now, c.reviewDueAt, calendar) : null,
    reviewDueAt: when(c.reviewDueAt),
    rep: nameOf(c.repId),
    filedBy: nameOf(c.filedBy),
    reason: c.reasonLabel,
    notes: c.notes,
    contactAttempts: c.contactAttempts,
    loggedAttempts: contactAttemptsOf(db, lead.id).map((a) => ({
      id: a.id,
      channel: a.channel,
      when: when(a.at),
      who: a.userName,
      note: a.note,
    })),
    // The lead as it was when the case opened, beside the lead now: changed fields first.
    fields: LEAD_FIELDS.map((f) => {
      const opened = fieldText(f.key, snapshot[f.key])
      const current = fieldText(f.key, lead[f.key])
      return { label: f.label, opened, current, changed: opened !== current }
    }).sort((a, b) => Number(b.changed) - Number(a.changed)),
    version: version ? { id: version.id, number: version.number } : null,
    overall,
    nowOverall: nowEvaluation.overall,
    // Each criterion: the rule in words, the lead's value then and now, the result then and now.
    criteria: readings.map((r, i) => ({ ...r, result: automatic[i]?.result ?? r.result })),
    // The criterion the reason disputes; `contradicted` when the definition found it met.
    reasonCriterion: reasonReading
      ? {
          label: reasonReading.label,
          rule: reasonReading.rule,
          field: reasonReading.field,
          value: reasonReading.valueThen,
          result: reasonReading.result,
          contradicted: reasonReading.result === 'met',
        }
      : null,
    response: c.response
      ? {
          kind: c.response,
          brief: c.brief,
          by: nameOf(c.respondedBy),
          at: when(c.respondedAt),
        }
      : null,
    outcome: c.verdict
      ? {
          verdict: c.verdict,
          disposition: c.disposition,
          rationale: c.rationale,
          at: when(c.decidedAt),
          unanimous: c.unanimous,
          byChair: c.decidedByChair,
          agreesWithDefinition: c.agreesWithDefinition,
          departures: (c.departures ?? []).map((key) =>
            key === OUTSIDE_THE_DEFINITION
              ? 'no criterion (the definition has none for what decided it)'
              : (criteria.find((cr) => cr.key === key)?.label ?? key),
          ),
          returnedTo: nameOf(c.returnedTo),
        }
      : null,
    waitingFor:
      !isCommittee || decision.decided || c.status !== 'in_review' ? null : decision.waitingFor,
    votes: isCommittee
      ? cast.map((v) => ({
          id: v.id,
          member: nameOf(v.memberId),
          seat: v.seat,
          isChair: v.isChair,
          verdict: v.verdict,
          disposition: v.disposition,
          rationale: v.rationale,
          departureJustification: v.departureJustification,
          findings: Object.entries(v.findings).map(([key, finding]) => ({
            criterion: criteria.find((cr) => cr.key === key)?.label ?? key,
            finding,
          })),
          at: when(v.updatedAt),
        }))
      : null,
    voteCount: cast.length,
    recusals: isCommittee
      ? [
          ...automaticStandAside.flatMap(({ id, why }) =>
            !why
              ? []
              : id === viewer.id
                ? [`${RECUSAL_WORDS[why].you} and are recused automatically`]
                : [`${nameOf(id)} ${RECUSAL_WORDS[why].they} and is recused automatically`],
          ),
          ...stood.map((r) =>
            r.memberId === viewer.id
              ? `You recused yourself: ${r.reason}`
              : `${nameOf(r.memberId)} recused themselves: ${r.reason}`,
          ),
        ]
      : null,
    me: {
      canRespond: can(viewer, 'cases.respond') && c.status === 'in_review' && !c.response,
      canTakeUp: can(viewer, 'cases.take_up') && c.status === 'imported',
      canVote: c.status === 'in_review' && myStanding?.canVote === true,
      cannotVote:
        c.status === 'in_review' && myStanding && !myStanding.canVote ? myStanding.why : null,
      vote: myVote
        ? {
            verdict: myVote.verdict,
            disposition: myVote.disposition ?? undefined,
            rationale: myVote.rationale,
            departureJustification: myVote.departureJustification ?? undefined,
            returnTo: myVote.returnTo ?? undefined,
            finding: myVote.findings,
          }
        : null,
    },
    reps: activeReps(db).map((r) => [String(r.id), r.name] as const),
    earlierCases: casesOfLead(db, lead.id)
      .filter((other) => other.id !== c.id)
      .map((other) => ({
        id: other.id,
        kind: other.kind,
        afterContact: other.afterContact,
        reason: other.reasonLabel,
        verdict: other.verdict,
        openedAt: when(other.openedAt),
      })),
    // "Already working this account": the lead in the buying group the rep said is worked.
    workingLead: c.workingLeadId ? groupMember(db, viewer, c.workingLeadId) : null,
    buyingGroup: group
      ? {
          ...group,
          others: group.others.map((o) => ({
            ...o,
            isWorkingLead: o.id === c.workingLeadId,
            cases: otherCases
              .filter((oc) => oc.leadId === o.id)
              .map((oc) => ({
                id: oc.id,
                kind: oc.kind,
                reason: oc.reasonLabel,
                verdict: oc.verdict,
              })),
          })),
        }
      : null,
    timeline: timelineOf(db, 'case', c.id, { readerId: viewer.id, timeZone }).filter(
      (e) => isCommittee || !COMMITTEE_ONLY.has(e.action),
    ),
  }
}
