// What the lead page shows a viewer: the lead's fields, its follow-up clock, what the viewer
// may do with it, its contact attempts, outcomes, cases, evaluation against the version in
// force at hand-over, its buying group (other leads at the same company) and its timeline.
import { timelineOf } from '~/domain/audit/trail.server'
import { casesOfLead } from '~/domain/cases/lists.server'
import { OUTCOME_LABELS } from '~/domain/cases/schema'
import { describeRule, evaluate } from '~/domain/definition/evaluator'
import { criteriaOf, getVersion } from '~/domain/definition/versions.server'
import { outcomesOf } from '~/domain/outcomes/outcomes.server'
import { can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'
import { contactAttemptsOf } from '~/domain/sales/log-contact-attempt.server'
import { isWaiting } from '~/domain/sales/own-lead.server'
import { attemptsThisRound } from '~/domain/sales/reject-lead.server'
import { describeReasonCheck, noteRequired, reasonCheck } from '~/domain/sales/reject-note'
import { rejectableReasons } from '~/domain/sales/rejectable-reasons.server'
import { CHANNEL_LABELS } from '~/domain/sales/schema'
import { getWorkingCalendar } from '~/domain/settings/settings.server'
import { clockAt, localDate, localOfInstant } from '~/domain/sla/clock'
import { formatDateTime } from '~/platform/time'
import type { Queryable } from '~db/connection'
import { buyingGroup } from './buying-group.server'
import { fieldText, LEAD_FIELDS, leadName } from './fields'
import { getLeadForViewer } from './lead.server'

type Viewer = { id: number; roles: readonly Role[] }
type Lead = NonNullable<ReturnType<typeof getLeadForViewer>>

function fieldsOf(lead: Lead) {
  return LEAD_FIELDS.map((f) => ({ label: f.label, value: fieldText(f.key, lead[f.key]) }))
}

/**
 * What the lead's own rep may do: accept or reject it while it waits; once working, log
 * attempts, mark it converted or reject it after contact, with the reasons still open to them.
 */
function repPanel(db: Queryable, lead: Lead, now: Date, timeZone: string) {
  const waiting = isWaiting(lead)
  const working = lead.status === 'working'
  const { open, ruled } = rejectableReasons(db, lead)
  const criteria = lead.definitionVersionId ? criteriaOf(db, lead.definitionVersionId) : []
  return {
    canDecide: waiting,
    canConvert: working,
    canReject: waiting || working,
    afterContact: working,
    now: localOfInstant(now, timeZone),
    reasons:
      waiting || working
        ? open.map((r) => {
            // What the definition found for the criterion the reason disputes (decision 41).
            const check = reasonCheck(lead, criteria, r)
            return {
              id: r.id,
              label: r.label,
              notesRequired: r.notesRequired,
              namesWorkingLead: r.namesWorkingLead,
              check: check
                ? { text: describeReasonCheck(check), noteRequired: noteRequired(check) }
                : null,
            }
          })
        : [],
    ruledReason: ruled.map((r) => `“${r.label}”`).join(', ') || null,
    // The fewest contact attempts a rejection may give: those logged since the lead came to Sales.
    loggedAttempts: attemptsThisRound(db, lead.id),
  }
}

function evaluationOf(db: Queryable, lead: Lead) {
  const version = lead.definitionVersionId ? getVersion(db, lead.definitionVersionId) : null
  const criteria = version ? criteriaOf(db, version.id) : []
  const evaluation = version ? evaluate(lead, criteria) : null
  return {
    version: version ? { id: version.id, number: version.number } : null,
    overall: evaluation?.overall ?? null,
    criteria: criteria.map((c, i) => ({
      key: c.key,
      label: c.label,
      required: c.required,
      rule: describeRule(c),
      result: evaluation?.criteria[i]?.result ?? 'unknown',
    })),
  }
}

/** The lead page for this viewer, or null when there is no such lead or it is not theirs to see. */
export function leadPage(db: Queryable, viewer: Viewer, leadId: number, now: Date) {
  const lead = getLeadForViewer(db, viewer, leadId)
  if (!lead) return null
  const calendar = getWorkingCalendar(db)
  const { timeZone } = calendar
  const isRep = lead.ownerId === viewer.id && can(viewer, 'leads.work')
  const cases = casesOfLead(db, lead.id)
  return {
    name: leadName(lead),
    fields: fieldsOf(lead),
    custom: Object.entries(lead.custom),
    status: lead.status,
    handedOverAt: formatDateTime(lead.handedOverAt, timeZone),
    /** Imported as history (decision 25): handed over in the CRM, before Leadcourt. */
    history: lead.history,
    clock: lead.followUpDueAt
      ? {
          ...clockAt(now, lead.followUpDueAt, calendar),
          due: formatDateTime(lead.followUpDueAt, timeZone),
        }
      : null,
    rep: isRep ? repPanel(db, lead, now, timeZone) : null,
    attempts: contactAttemptsOf(db, lead.id).map((a) => ({
      id: a.id,
      channel: CHANNEL_LABELS[a.channel],
      when: formatDateTime(a.at, timeZone),
      who: a.userName,
      note: a.note,
    })),
    outcomes: outcomesOf(db, lead.id).map((o) => ({ ...o, label: OUTCOME_LABELS[o.outcome] })),
    canRecordOutcome: can(viewer, 'outcomes.record'),
    today: localDate(now, timeZone),
    cases: cases.map((c) => ({
      ...c,
      openedAt: formatDateTime(c.openedAt, timeZone),
      reviewDueAt: formatDateTime(c.reviewDueAt, timeZone),
      takenUpAt: c.takenUpAt ? formatDateTime(c.takenUpAt, timeZone) : null,
    })),
    // A lead rejected in the CRM before Leadcourt: its case waits, not reviewed, for the committee.
    importedCaseId:
      lead.status === 'rejected' ? (cases.find((c) => c.status === 'imported')?.id ?? null) : null,
    ...evaluationOf(db, lead),
    conversion: lead.convertedAt
      ? {
          at: formatDateTime(lead.convertedAt, timeZone),
          opportunityRef: lead.opportunityRef,
          opportunityAmount: lead.opportunityAmount,
        }
      : null,
    buyingGroup: buyingGroup(db, viewer, lead),
    companyDomain: lead.companyDomain,
    timeline: timelineOf(db, 'lead', lead.id, { readerId: viewer.id, timeZone }, lead.createdAt),
  }
}
