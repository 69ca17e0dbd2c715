// The sentences of the administrative actions (decision 38): users, settings, the definition's
// versions, reasons, API tokens, imports and webhooks. Pure; see sentences.ts.
import { ROLE_LABELS, SEAT_LABELS } from '~/domain/people/roles'
import { countOf } from '~/platform/numbers'
import type { Role, Seat } from '~db/enums'
import { fieldNamesOf } from './details'
import {
  type AuditFacts,
  fieldsOf,
  inSentence,
  listed,
  num,
  type people,
  quoted,
  type Reading,
  text,
  when,
} from './words'

type Sentence = (e: AuditFacts, r: Reading, p: ReturnType<typeof people>) => string

const SETTINGS_NAMES: Record<string, string> = {
  organisation: 'the organisation settings',
  sla: 'the service levels',
  committee: 'the deciding rule',
  nurture: 'the Nurture pool’s rule',
  webhooks: 'the webhook settings',
}

/** The fields an entry changed, in words: " (roles and seat)", or nothing. */
function changedFields(e: AuditFacts): string {
  const names = fieldNamesOf(e.before, e.after).map(inSentence)
  return names.length ? ` (${listed(names)})` : ''
}

const named = (e: AuditFacts, key = 'name') =>
  text(fieldsOf(e.after)[key]) ?? text(fieldsOf(e.before)[key]) ?? e.subjectName ?? null

/** A criterion's label from a drafting entry: “Target industry”, or "a criterion". */
const criterion = (e: AuditFacts) => {
  const label = named(e, 'label')
  return label ? `the criterion ${quoted(label)}` : 'a criterion'
}

const USER_SENTENCES: Record<string, Sentence> = {
  'user.created': (e, _r, p) => {
    const roles = fieldsOf(e.after).roles
    const labels = Array.isArray(roles)
      ? roles.map((role) => ROLE_LABELS[role as Role]?.toLowerCase() ?? String(role))
      : []
    const seat = SEAT_LABELS[fieldsOf(e.after).seat as Seat]
    const as = labels.length ? ` as ${listed(labels)}${seat ? ` (${seat.toLowerCase()})` : ''}` : ''
    return `${p.actor} added ${p.subjectUser()}${as}`
  },
  'user.updated': (e, _r, p) => `${p.actor} changed ${p.subjectUsers()} details${changedFields(e)}`,
  'user.deactivated': (_e, _r, p) => `${p.actor} deactivated ${p.subjectUser()}`,
  'user.reactivated': (_e, _r, p) => `${p.actor} reactivated ${p.subjectUser()}`,
  'user.password_reset': (_e, _r, p) =>
    `${p.actor} reset ${p.subjectUsers()} password; every session of ${p.subjectUsers() === 'your' ? 'yours' : 'theirs'} ended`,
  'user.password_changed': (_e, _r, p) => `${p.actor} changed ${p.their} password`,
  'user.chair_released': (e, _r, p) =>
    `${p.Person(Number(e.subjectId))} no longer ${p.person(Number(e.subjectId)) === 'you' ? 'chair' : 'chairs'} the committee`,
  'email_preferences.updated': (_e, _r, p) => `${p.actor} changed ${p.their} e-mail preferences`,
}

const SETTINGS_SENTENCES: Record<string, Sentence> = {
  'settings.updated': (e, _r, p) =>
    `${p.actor} changed ${SETTINGS_NAMES[e.subjectId] ?? 'the settings'}${changedFields(e)}`,
}

const DEFINITION_SENTENCES: Record<string, Sentence> = {
  'definition.draft_started': (e, _r, p) => {
    const a = fieldsOf(e.after)
    const number = num(a.number)
    const from = num(a.from)
    return `${p.actor} started drafting version ${number ?? e.subjectId}${from ? ` from version ${from}` : ''}`
  },
  'definition.criterion_added': (e, _r, p) => `${p.actor} added ${criterion(e)} to the draft`,
  'definition.criterion_changed': (e, _r, p) =>
    `${p.actor} changed ${criterion(e)}${changedFields(e)}`,
  'definition.criterion_removed': (e, _r, p) => `${p.actor} removed ${criterion(e)} from the draft`,
  'definition.proposed': (_e, _r, p) => `${p.actor} proposed the version for sign-off`,
  'definition.withdrawn': (_e, _r, p) => `${p.actor} withdrew the version to a draft`,
  'definition.signed_off': (e, _r, p) => {
    const seat = SEAT_LABELS[fieldsOf(e.after).seat as Seat]
    return `${p.actor} signed off the version${seat ? ` for the ${seat.toLowerCase()}` : ''}`
  },
  'definition.activated': (_e, _r, p) =>
    `The version came into force when ${p.actor === 'You' ? 'you' : p.actor} gave the last sign-off`,
  'definition.superseded': (e) => {
    const by = num(fieldsOf(e.after).by)
    return by ? `Version ${by} replaced this version` : 'A newer version replaced this version'
  },
}

const REASON_SENTENCES: Record<string, Sentence> = {
  'reason.created': (e, _r, p) => `${p.actor} added the reason ${quoted(named(e, 'label') ?? '')}`,
  'reason.updated': (e, _r, p) =>
    `${p.actor} changed the reason ${quoted(named(e, 'label') ?? '')}${changedFields(e)}`,
  'reason.deactivated': (e, _r, p) =>
    `${p.actor} deactivated the reason ${quoted(e.subjectName ?? `reason ${e.subjectId}`)}`,
  'reason.reactivated': (e, _r, p) =>
    `${p.actor} reactivated the reason ${quoted(e.subjectName ?? `reason ${e.subjectId}`)}`,
}

const TOKEN_SENTENCES: Record<string, Sentence> = {
  'api_token.created': (e, _r, p) => `${p.actor} created the API token ${quoted(named(e) ?? '')}`,
  'api_token.revoked': (e, _r, p) => `${p.actor} revoked the API token ${quoted(named(e) ?? '')}`,
  'api_token.rotated': (e, _r, p) =>
    `${p.actor} rotated the API token ${quoted(named(e) ?? '')}: a new secret, the old token revoked`,
}

const IMPORT_SENTENCES: Record<string, Sentence> = {
  'import.started': (e, _r, p) =>
    `${p.actor} started importing ${quoted(named(e, 'fileName') ?? 'a file')}`,
  'import.finished': (e) => {
    const a = fieldsOf(e.after)
    const n = (key: string) => num(a[key]) ?? 0
    return `The import finished: ${countOf(n('created'), 'lead', 'leads')} created, ${countOf(n('updated'), 'lead', 'leads')} updated, ${n('unchanged') ? `${countOf(n('unchanged'), 'lead', 'leads')} unchanged, ` : ''}${countOf(n('failed'), 'row', 'rows')} failed`
  },
  'import.failed': (e) => {
    const error = text(fieldsOf(e.after).error)
    return `The import failed${error ? `: ${error}` : ''}`
  },
  'import.expired': (e) =>
    `The uploaded file ${quoted(named(e, 'fileName') ?? '')} was deleted: it was not imported within a day`,
}

const WEBHOOK_SENTENCES: Record<string, Sentence> = {
  'webhook.registered': (e, _r, p) => {
    const url = named(e, 'url')
    return `${p.actor} registered a webhook${url ? ` to ${url}` : ''}`
  },
  'webhook.events_changed': (_e, _r, p) => `${p.actor} changed the events the webhook receives`,
  'webhook.disabled': (e, _r, p) => {
    const reason = text(fieldsOf(e.after).reason)
    const who = e.actorId === null ? 'The webhook was disabled' : `${p.actor} disabled the webhook`
    return `${who}${reason ? `: ${reason}` : ''}`
  },
  'webhook.enabled': (_e, _r, p) => `${p.actor} enabled the webhook again`,
  'webhook.secret_rotated': (e, r, p) => {
    const until = when(fieldsOf(e.after).previousSecretUntil, r)
    return `${p.actor} rotated the webhook’s secret${until ? `; the old one signs too until ${until}` : ''}`
  },
  'webhook.delivery_resent': (_e, _r, p) => `${p.actor} sent a delivery again`,
  'webhook.test_sent': (_e, _r, p) => `${p.actor} sent a test delivery`,
}

export const ADMIN_SENTENCES: Record<string, Sentence> = {
  ...USER_SENTENCES,
  ...SETTINGS_SENTENCES,
  ...DEFINITION_SENTENCES,
  ...REASON_SENTENCES,
  ...TOKEN_SENTENCES,
  ...IMPORT_SENTENCES,
  ...WEBHOOK_SENTENCES,
}
