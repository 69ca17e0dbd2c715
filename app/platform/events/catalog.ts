// The domain events, by type, with what each carries. A payload names the rows concerned (ids)
// and the facts a consumer needs without reading them back: a consumer may run long after the
// change, and rows change.
import type { CaseKind, Disposition, Verdict } from '~db/enums'

export type EventPayloads = {
  'case.opened': {
    caseId: number
    leadId: number
    kind: CaseKind
    repId: number
    marketerId: number | null
  }
  'case.contested': { caseId: number; leadId: number; by: number }
  'case.conceded': {
    caseId: number
    leadId: number
    repId: number
    /** The marketer who conceded. */
    by: number
    /** Null on a case whose lead had moved on to the next rep (nothing is done to it). */
    disposition: Disposition | null
  }
  'case.vote_cast': { caseId: number; memberId: number; verdict: Verdict; changed: boolean }
  'case.recused': { caseId: number; memberId: number }
  'case.decided': {
    caseId: number
    leadId: number
    verdict: Verdict
    disposition: Disposition | null
    repId: number
    marketerId: number | null
    returnedTo: number | null
  }
  'lead.accepted': { leadId: number; repId: number }
  'lead.converted': {
    leadId: number
    repId: number
    opportunityRef: string | null
    opportunityAmount: number | null
  }
  'lead.rejected': { leadId: number; caseId: number; repId: number; reasonId: number }
  'lead.contact_logged': { leadId: number; repId: number; attemptId: number }
  'lead.returned': { leadId: number; repId: number; previousRepId: number }
  /** The sweep handed a lead whose clock ran out to the next rep (`repId`), beside case `caseId`. */
  'lead.escalated': { leadId: number; caseId: number; repId: number; previousRepId: number }
  /** A marketer or admin (`by`) reassigned the lead to `repId` (decision 43). */
  'lead.reassigned': { leadId: number; repId: number; previousRepId: number | null; by: number }
  /** The rep's follow-up clock on the lead has its last share left (Settings). */
  'follow_up.reminder': { followUpId: number; leadId: number; repId: number; dueAt: number }
  /** The case's review clock has its last share left; `memberIds` have yet to vote. */
  'case.review_reminder': { caseId: number; leadId: number; memberIds: number[]; dueAt: number }
  /** The case's review clock ran out with no verdict (once per case; the reminders job finds it). */
  'case.review_overdue': { caseId: number; leadId: number; dueAt: number }
  'lead.disposed': { leadId: number; caseId: number; disposition: Disposition }
  /** A nurtured lead woke up (decision 26); `handedBack` when Settings hand it back at once. */
  'lead.reengaged': {
    leadId: number
    stayId: number
    /** The case that sent it to nurture. */
    caseId: number | null
    marketerId: number | null
    why: string[]
    handedBack: boolean
  }
  /** A lead handed back from nurture to Sales, by a marketer (`by`) or automatically. */
  'lead.handed_back': {
    leadId: number
    stayId: number
    caseId: number | null
    repId: number
    by: number | null
    auto: boolean
  }
  /** A webhook endpoint was disabled: a 410, or failing for three days (admins are told). */
  'webhook.disabled': { endpointId: number; url: string; reason: string }
  'definition.activated': { versionId: number; version: number; by: number }
  'outcome.recorded': { leadId: number; outcomeId: number; outcome: string; occurredOn: string }
}

export type EventType = keyof EventPayloads

/** An event as read back from the outbox. */
export type StoredEvent = {
  [T in EventType]: { id: number; type: T; payload: EventPayloads[T]; occurredAt: Date }
}[EventType]
