// The notifications consumer: turns the events people must hear about into notification rows.
// It runs after the commit, from the job runner, inside the transaction that records its
// progress through the outbox, so each event notifies each recipient once.
import type { StoredEvent } from '~/platform/events/catalog'
import type { Consumer } from '~/platform/events/outbox.server'
import type { Queryable } from '~db/connection'
import { notify } from './notifications.server'
import { activeAdmins, marketersToTell } from './recipients.server'

function handle(tx: Queryable, event: StoredEvent) {
  const at = event.occurredAt
  switch (event.type) {
    case 'case.opened': {
      // Marketing hears of every case; the rep, of a lead the sweep took from them.
      const { caseId, leadId, kind, repId, marketerId } = event.payload
      const told = marketersToTell(tx, marketerId)
      if (kind === 'ignored') told.push(repId)
      notify(tx, told, { kind: 'case_opened', caseId, leadId }, at)
      return
    }
    case 'case.conceded': {
      const { caseId, leadId, repId } = event.payload
      notify(tx, [repId], { kind: 'conceded', caseId, leadId }, at)
      return
    }
    case 'case.decided': {
      const { caseId, leadId, repId, returnedTo, marketerId } = event.payload
      const told = [repId, ...(returnedTo ? [returnedTo] : []), ...marketersToTell(tx, marketerId)]
      notify(tx, told, { kind: 'verdict', caseId, leadId }, at)
      return
    }
    case 'lead.escalated': {
      // The new rep hears that the lead came to them (the rep it left was told of the case).
      const { caseId, leadId, repId } = event.payload
      notify(tx, [repId], { kind: 'escalated', caseId, leadId }, at)
      return
    }
    case 'lead.reassigned': {
      // The rep a lead was reassigned to hears it is theirs now (decision 43).
      const { leadId, repId } = event.payload
      notify(tx, [repId], { kind: 'reassigned', caseId: null, leadId }, at)
      return
    }
    case 'follow_up.reminder': {
      const { leadId, repId } = event.payload
      notify(tx, [repId], { kind: 'follow_up_reminder', caseId: null, leadId }, at)
      return
    }
    case 'case.review_reminder': {
      const { caseId, leadId, memberIds } = event.payload
      notify(tx, memberIds, { kind: 'review_reminder', caseId, leadId }, at)
      return
    }
    case 'lead.reengaged': {
      // The lead's marketer (every marketer when none answers for it) hears it woke up.
      const { caseId, leadId, marketerId } = event.payload
      notify(tx, marketersToTell(tx, marketerId), { kind: 'reengaged', caseId, leadId }, at)
      return
    }
    case 'lead.handed_back': {
      const { caseId, leadId, repId } = event.payload
      notify(tx, [repId], { kind: 'handed_back', caseId, leadId }, at)
      return
    }
    case 'webhook.disabled':
      // Every active admin hears that a webhook endpoint stopped (a 410, or three days failing).
      notify(tx, activeAdmins(tx), { kind: 'webhook_disabled', caseId: null, leadId: null }, at)
      return
    default:
      return
  }
}

export const notificationsConsumer: Consumer = { name: 'notifications', handle }
