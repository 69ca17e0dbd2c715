// The handlers of the API's lead writes (decision 28): thin adapters from the JSON body to the
// one way each thing is done — `upsertLead` (as the import), `enqueueLeadBatch` (the runner
// writes it), `acceptLead` and `rejectLead` (as the lead page) — and their answers.

import { enqueueLeadBatch } from '~/domain/api/lead-batches.server'
import {
  findCaseRecord,
  findLeadRecord,
  type LeadRecord,
  repByEmail,
} from '~/domain/api/records.server'
import { upsertLead } from '~/domain/leads/upsert-lead.server'
import { acceptLead } from '~/domain/sales/accept-lead.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import type { Queryable } from '~db/connection'
import { type ApiAnswer, notFound, problemAnswer } from '../api.server'
import { conflict, invalid, issuesOf, refused } from './answers'
import { caseJson } from './cases-wire'
import { jobJson, LeadBatchSchema } from './jobs-wire'
import { LeadInputSchema, leadJson, readLead } from './leads-wire'
import { AcceptBodySchema, REJECT_FIELDS, RejectBodySchema } from './sales-wire'
import type { WriteContext } from './write.server'

const leadAt = (tx: Queryable, id: number) => leadJson(findLeadRecord(tx, { id }) as LeadRecord)

/** POST /api/v1/leads: creates (201) or updates (200) the lead its keys name. */
export function writeLead(body: unknown, { tx, now }: WriteContext): ApiAnswer {
  const shaped = LeadInputSchema.safeParse(body)
  if (!shaped.success) return invalid(issuesOf(shaped.error))
  const read = readLead(shaped.data)
  if (!read.ok) return invalid(read.errors)
  const written = upsertLead(tx, null, read.fields, { custom: read.custom }, now)
  if (!written.ok) {
    // Keys naming two different leads is a clash with what is stored; an owner who is no
    // active rep is a value to fix.
    const clash = written.fieldErrors.email
    return clash ? conflict(clash.join(' ')) : refused(written.fieldErrors)
  }
  const created = written.outcome === 'created'
  return {
    status: created ? 201 : 200,
    body: { result: written.outcome, lead: leadAt(tx, written.leadId) },
    headers: { Location: `/api/v1/leads/${written.leadId}` },
  }
}

/** POST /api/v1/leads/batch: 202 and the queued job. */
export function queueLeadBatch(body: unknown, { tx, caller, now }: WriteContext): ApiAnswer {
  const shaped = LeadBatchSchema.safeParse(body)
  if (!shaped.success) return invalid(issuesOf(shaped.error))
  const job = enqueueLeadBatch(tx, caller.tokenId, shaped.data.leads, now)
  return {
    status: 202,
    body: jobJson(job, [], false),
    headers: { Location: `/api/v1/jobs/${job.id}` },
  }
}

/** The acting rep: an active rep who owns the lead; else 422 (no such rep) or 403 (not theirs). */
function actingRep(tx: Queryable, leadId: number, email: string): { id: number } | ApiAnswer {
  const lead = findLeadRecord(tx, { id: leadId })
  if (!lead) return notFound(`No lead has the id ${leadId}.`)
  const rep = repByEmail(tx, email)
  if (!rep)
    return invalid([{ field: 'rep_email', message: `No active user has the e-mail “${email}”` }])
  if (lead.lead.ownerId !== rep.id)
    return problemAnswer(
      403,
      'not-the-owner',
      'Forbidden',
      `${rep.email} is not the rep of lead ${leadId}; only its owner may accept or reject it.`,
    )
  return rep
}

/** POST /api/v1/leads/{id}/accept: the rep starts work on the lead (200), as on the lead page. */
export function acceptByApi(leadId: number) {
  return (body: unknown, { tx, now }: WriteContext): ApiAnswer => {
    const shaped = AcceptBodySchema.safeParse(body)
    if (!shaped.success) return invalid(issuesOf(shaped.error))
    const rep = actingRep(tx, leadId, shaped.data.rep_email)
    if ('status' in rep) return rep
    const accepted = acceptLead(tx, rep, leadId, now)
    if (!accepted.ok) return refused(accepted.fieldErrors)
    return { status: 200, body: { lead: leadAt(tx, leadId) } }
  }
}

/** POST /api/v1/leads/{id}/reject: the rep rejects the lead and a case opens (201), as on the page. */
export function rejectByApi(leadId: number) {
  return (body: unknown, { tx, now }: WriteContext): ApiAnswer => {
    const shaped = RejectBodySchema.safeParse(body)
    if (!shaped.success) return invalid(issuesOf(shaped.error))
    const input = shaped.data
    const rep = actingRep(tx, leadId, input.rep_email)
    if ('status' in rep) return rep
    const rejected = rejectLead(
      tx,
      rep,
      leadId,
      {
        reasonId: input.reason_id,
        notes: input.notes,
        contactAttempts: input.contact_attempts,
        workingLeadId: input.working_lead_id,
      },
      now,
    )
    if (!rejected.ok) return refused(rejected.fieldErrors, REJECT_FIELDS)
    const opened = findCaseRecord(tx, rejected.caseId)
    return {
      status: 201,
      body: { lead: leadAt(tx, leadId), case: opened ? caseJson(opened) : null },
      headers: { Location: `/api/v1/cases/${rejected.caseId}` },
    }
  }
}
