// What a webhook says (decision 29): the outbox events that become webhook events, and the body
// each one carries, in the Standard Webhooks shape `{type, timestamp, data}`. `data` names the
// rows (ids) and gives the facts a CRM needs to act without calling back: the lead (id,
// external_id, email, company, status), the case (id, kind, stage, status, reason, verdict,
// disposition), the rep's and the marketer's e-mail. Keys are snake_case and stable: new keys
// may be added, none renamed or removed within version 1 (README, "Webhooks").
import { eq } from 'drizzle-orm'
import { stageOf } from '~/domain/sales/schema'
import type { StoredEvent } from '~/platform/events/catalog'
import type { Queryable } from '~db/connection'
import type { WebhookEvent } from '~db/enums'
import { cases, leads, users } from '~db/schema'

/** The outbox events delivered as webhooks: each under its own name. */
const MAPPED: Record<string, WebhookEvent> = {
  'lead.accepted': 'lead.accepted',
  'lead.rejected': 'lead.rejected',
  'case.opened': 'case.opened',
  'case.conceded': 'case.conceded',
  'case.contested': 'case.contested',
  'case.decided': 'case.decided',
  'case.review_overdue': 'case.review_overdue',
  'lead.returned': 'lead.returned',
  'lead.converted': 'lead.converted',
  'definition.activated': 'definition.activated',
  'outcome.recorded': 'outcome.recorded',
}

/** The webhook event an outbox event is delivered as, or null when it is not delivered. */
export function webhookEventOf(type: string): WebhookEvent | null {
  return Object.hasOwn(MAPPED, type) ? (MAPPED[type] as WebhookEvent) : null
}

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null)

function emailOf(tx: Queryable, userId: number | null | undefined): string | null {
  if (!userId) return null
  return (
    tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email ?? null
  )
}

/** The lead as a webhook shows it. */
export function leadFacts(tx: Queryable, leadId: number) {
  const lead = tx.select().from(leads).where(eq(leads.id, leadId)).get()
  if (!lead) return { id: leadId }
  return {
    id: lead.id,
    external_id: lead.externalId,
    email: lead.email,
    company: lead.company,
    status: lead.status,
    rep_email: emailOf(tx, lead.ownerId),
    marketer_email: emailOf(tx, lead.marketerId),
  }
}

/** The case as a webhook shows it. */
export function caseFacts(tx: Queryable, caseId: number) {
  const c = tx.select().from(cases).where(eq(cases.id, caseId)).get()
  if (!c) return { id: caseId }
  return {
    id: c.id,
    kind: c.kind,
    stage: stageOf(c),
    status: c.status,
    reason: c.reasonLabel,
    notes: c.notes,
    contact_attempts: c.contactAttempts,
    rep_email: emailOf(tx, c.repId),
    marketer_email: emailOf(tx, c.marketerId),
    response: c.response,
    verdict: c.verdict,
    disposition: c.disposition,
    rationale: c.rationale,
    definition_version_id: c.definitionVersionId,
    agrees_with_definition: c.agreesWithDefinition,
    opened_at: iso(c.openedAt),
    review_due_at: iso(c.reviewDueAt),
    decided_at: iso(c.decidedAt),
  }
}

/**
 * What a case was when it opened for review (what `case.opened` itself says): in review, with
 * no response, verdict or disposition yet, whatever happened to it before the event was handed
 * to webhooks.
 */
const AS_OPENED = {
  status: 'in_review',
  response: null,
  verdict: null,
  disposition: null,
  rationale: null,
  agrees_with_definition: null,
  decided_at: null,
} as const

/**
 * The `data` of an event's webhook: the rows as they are when the event is handed to webhooks
 * (normally within a second), with the event's own facts (its kind, people, verdict,
 * disposition) over them, since those are as of the moment it happened.
 */
function dataOf(tx: Queryable, event: StoredEvent): Record<string, unknown> {
  switch (event.type) {
    case 'lead.accepted':
      return {
        lead: {
          ...leadFacts(tx, event.payload.leadId),
          rep_email: emailOf(tx, event.payload.repId),
        },
      }
    case 'case.opened': {
      const { leadId, caseId, kind, repId, marketerId } = event.payload
      return {
        lead: leadFacts(tx, leadId),
        case: {
          ...caseFacts(tx, caseId),
          ...AS_OPENED,
          kind,
          rep_email: emailOf(tx, repId),
          marketer_email: emailOf(tx, marketerId),
        },
      }
    }
    case 'case.conceded': {
      const { leadId, caseId, disposition } = event.payload
      return {
        lead: leadFacts(tx, leadId),
        case: { ...caseFacts(tx, caseId), response: 'conceded', disposition },
      }
    }
    case 'case.contested':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        case: { ...caseFacts(tx, event.payload.caseId), response: 'contested' },
      }
    case 'case.review_overdue':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        case: {
          ...caseFacts(tx, event.payload.caseId),
          review_due_at: new Date(event.payload.dueAt).toISOString(),
        },
      }
    case 'lead.rejected':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        case: caseFacts(tx, event.payload.caseId),
      }
    case 'case.decided': {
      const { leadId, caseId, verdict, disposition, returnedTo } = event.payload
      return {
        lead: leadFacts(tx, leadId),
        case: { ...caseFacts(tx, caseId), verdict, disposition },
        returned_to_email: emailOf(tx, returnedTo),
      }
    }
    case 'lead.returned':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        previous_rep_email: emailOf(tx, event.payload.previousRepId),
      }
    case 'lead.converted':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        opportunity_ref: event.payload.opportunityRef,
        opportunity_amount: event.payload.opportunityAmount,
      }
    case 'definition.activated':
      return {
        definition: { version_id: event.payload.versionId, version: event.payload.version },
        activated_by_email: emailOf(tx, event.payload.by),
      }
    case 'outcome.recorded':
      return {
        lead: leadFacts(tx, event.payload.leadId),
        outcome: {
          id: event.payload.outcomeId,
          outcome: event.payload.outcome,
          occurred_on: event.payload.occurredOn,
        },
      }
    default:
      return {}
  }
}

/** The body of an event's webhook, built once and sent as the same bytes on every attempt. */
export function webhookBody(tx: Queryable, event: StoredEvent, type: WebhookEvent): string {
  return JSON.stringify({
    type,
    timestamp: event.occurredAt.toISOString(),
    data: { event_id: event.id, ...dataOf(tx, event) },
  })
}

/** The body of a test ping from an endpoint's page. */
export function pingBody(endpointId: number, now: Date): string {
  return JSON.stringify({
    type: 'webhook.test',
    timestamp: now.toISOString(),
    data: { endpoint_id: endpointId, message: 'A test from Leadcourt' },
  })
}
