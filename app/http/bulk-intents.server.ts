// The bulk actions of the lists (decision 43), as intents for the one dispatcher: each parses its
// bounded list of canonical ids (a 400 naming the field otherwise), checks the capability, and
// runs the bulk use case, which runs each item's own use case; the reply's payload lists what was
// done and what was refused and why.
import {
  BulkConcedeSchema,
  type BulkOutcome,
  BulkOutcomeSchema,
  BulkReassignSchema,
  bulkNotice,
} from '~/domain/bulk/bulk'
import { bulkConcede } from '~/domain/cases/bulk-concede.server'
import { bulkReassign } from '~/domain/leads/bulk-reassign.server'
import { bulkRecordOutcome } from '~/domain/outcomes/bulk-outcome.server'
import type { DB } from '~db/connection'
import { type IntentContext, intent } from './intents.server'

type BulkContext = IntentContext & { db: DB; now: Date }

const outcomeOf = (done: BulkOutcome) => ({ done: done.done, refused: done.refused })

/** The lead list's bulk action: reassign (marketers, admins). */
export const BULK_LEAD_INTENTS = {
  'bulk-reassign': intent({
    schema: BulkReassignSchema,
    capability: 'leads.reassign',
    run: (v, c: BulkContext) => bulkReassign(c.db, c.user.id, v.leadId, v.repId, c.now),
    notice: (done) => bulkNotice('Reassigned', done),
    payload: outcomeOf,
  }),
}

/** The cases list's bulk actions: concede (marketers), record an outcome (who may record one). */
export const BULK_CASE_INTENTS = {
  'bulk-concede': intent({
    schema: BulkConcedeSchema,
    capability: 'cases.respond',
    run: (v, c: BulkContext) => bulkConcede(c.db, c.user, v.caseId, v.disposition, c.now),
    notice: (done) => bulkNotice('Conceded', done),
    payload: outcomeOf,
  }),
  'bulk-outcome': intent({
    schema: BulkOutcomeSchema,
    capability: 'outcomes.record',
    run: (v, c: BulkContext) => {
      const { intent: _, caseId, ...input } = v
      return bulkRecordOutcome(c.db, c.user, caseId, input, c.now)
    },
    notice: (done) => bulkNotice('Recorded the outcome on', done),
    payload: outcomeOf,
  }),
}
