// One outcome named by its lead's keys (external id or e-mail), as the outcome import's rows and
// `POST /api/v1/outcomes` give them: the lead found, and the outcome recorded unless the very
// same one (lead, outcome, date) is already there. The checks of `recordOutcome` apply.
import { eq } from 'drizzle-orm'
import type { OutcomeInput } from '~/domain/cases/schema'
import type { Queryable } from '~db/connection'
import { leads } from '~db/schema'
import { hasOutcomeOn, recordOutcome } from './outcomes.server'

export type LeadKeys = { externalId: string; email: string }

/** The lead a row names, or why none: by external id when given, else by e-mail. */
export function outcomeLead(db: Queryable, keys: LeadKeys): { id: number } | { reason: string } {
  const externalId = keys.externalId.trim()
  const email = keys.email.trim().toLowerCase()
  const identifier = externalId || email
  if (!identifier) return { reason: 'The row names no lead: give its external id or e-mail' }
  const lead = db
    .select({ id: leads.id })
    .from(leads)
    .where(externalId ? eq(leads.externalId, externalId) : eq(leads.email, email))
    .get()
  return (
    lead ?? { reason: `No lead has the ${externalId ? 'external id' : 'e-mail'} “${identifier}”` }
  )
}

export type OutcomeFate =
  | { kind: 'recorded'; outcomeId: number }
  | { kind: 'unchanged' }
  | { kind: 'failed'; field: string; reason: string }

/** Records the outcome on the lead, once: the same outcome on the same day is left as it is. */
export function recordOutcomeOnce(
  db: Queryable,
  actorId: number | null,
  leadId: number,
  input: Omit<OutcomeInput, 'intent'>,
  now: Date,
): OutcomeFate {
  if (hasOutcomeOn(db, leadId, input)) return { kind: 'unchanged' }
  const result = recordOutcome(db, actorId, leadId, input, now)
  if (result.ok) return { kind: 'recorded', outcomeId: result.outcomeId }
  const [field = 'form'] = Object.keys(result.fieldErrors)
  return { kind: 'failed', field, reason: Object.values(result.fieldErrors).flat().join(' ') }
}
