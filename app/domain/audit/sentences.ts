// Each audit action as one sentence people read (decision 38): "Omar Haddad rejected the lead:
// Outside ideal customer profile", "You conceded the case". The one place an action becomes
// words: the timelines of a lead and a case and the audit trail all read it. Pure; the readers
// give the names (`Reading`). The actions of users, settings, the definition, reasons, tokens,
// imports and webhooks are in sentences-admin.ts.
import { CHANNEL_LABELS } from '~/domain/sales/schema'
import { countOf } from '~/platform/numbers'
import { fieldNamesOf } from './details'
import { ADMIN_SENTENCES } from './sentences-admin'
import {
  type AuditFacts,
  fieldsOf,
  inSentence,
  keyWords,
  listed,
  num,
  people,
  type Reading,
  text,
  when,
} from './words'

export type { AuditFacts, Reading } from './words'

/** Writes the sentence of one action. */
export type Sentence = (e: AuditFacts, r: Reading, p: ReturnType<typeof people>) => string

const VERDICT_WORDS: Record<string, string> = {
  meets: 'the lead meets the definition',
  does_not_meet: 'the lead does not meet the definition',
}

const DISPOSITION_WORDS: Record<string, string> = {
  disqualified: 'disqualified',
  nurture: 'sent to the Nurture pool',
}

const OUTCOME_WORDS: Record<string, string> = {
  won: 'won (bought from us)',
  bought_elsewhere: 'bought elsewhere',
  in_buying_process: 'in a buying process',
  plans_to_buy: 'plans to buy',
  no_plans: 'no plans',
  not_a_fit: 'not a fit',
}

const CLOCK_RAN_OUT = 'The follow-up clock ran out: nobody accepted or rejected the lead in time'

/** A vote in words: "the lead does not meet the definition and should be disqualified". */
function vote(after: unknown): string {
  const v = fieldsOf(after)
  const verdict = VERDICT_WORDS[String(v.verdict)] ?? 'the lead’s case is decided'
  const disposition = text(v.disposition)
  if (disposition === 'nurture') return `${verdict} and should go to the Nurture pool`
  if (disposition === 'disqualified') return `${verdict} and should be disqualified`
  return verdict
}

/** A case's reason from its entry, or from the reader (a lead's entry names only the case). */
function reasonOf(e: AuditFacts, r: Reading): string | null {
  const caseId = num(fieldsOf(e.after).caseId)
  return caseId !== null ? (r.reasonOfCase?.(caseId) ?? null) : null
}

const LEAD_SENTENCES: Record<string, Sentence> = {
  'lead.created': (e, _r, p) => {
    const owner = fieldsOf(e.after).ownerId
    const to = owner === undefined || owner === null ? 'Sales' : p.person(owner)
    return e.actorId === null
      ? `The lead was handed to ${to}`
      : `${p.actor} handed the lead to ${to}`
  },
  'lead.imported': (e, r, p) => {
    const handedOver = when(fieldsOf(e.after).handedOverAt, r)
    return handedOver
      ? `${p.actor} imported the lead from the CRM, where it was handed over on ${handedOver}`
      : `${p.actor} imported the lead from the CRM`
  },
  'lead.updated': (e, _r, p) => {
    const changed = fieldNamesOf(e.before, e.after)
    return changed.length
      ? `${p.actor} changed the lead’s ${listed(changed.map(inSentence))}`
      : `${p.actor} saved the lead unchanged`
  },
  'lead.accepted': (_e, _r, p) => `${p.actor} accepted the lead`,
  'lead.converted': (e, _r, p) => {
    const ref = text(fieldsOf(e.after).opportunityRef)
    return ref
      ? `${p.actor} marked the lead converted (opportunity ${ref})`
      : `${p.actor} marked the lead converted`
  },
  'lead.rejected': (e, r, p) => {
    const reason = reasonOf(e, r)
    return reason ? `${p.actor} rejected the lead: ${reason}` : `${p.actor} rejected the lead`
  },
  'lead.ignored': () => CLOCK_RAN_OUT,
  'lead.escalated': (e, _r, p) =>
    `${CLOCK_RAN_OUT}; it went on to ${p.person(fieldsOf(e.after).ownerId)} with a fresh clock`,
  'lead.reassigned': (e, _r, p) =>
    `${p.actor} reassigned the lead to ${p.person(fieldsOf(e.after).ownerId)}`,
  'lead.contact_logged': (e, r, p) => {
    const a = fieldsOf(e.after)
    const channel = CHANNEL_LABELS[String(a.channel) as keyof typeof CHANNEL_LABELS]
    const at = when(a.at, r)
    const how = channel ? ` (${channel.toLowerCase()})` : ''
    return `${p.actor} logged a contact attempt${how}${at ? ` on ${at}` : ''}`
  },
  'lead.returned': (e, _r, p) =>
    `The lead went back to ${p.person(fieldsOf(e.after).ownerId)} with a fresh follow-up clock`,
  'lead.taken_up': (e, _r, p) => {
    const caseId = num(fieldsOf(e.after).caseId)
    return `${p.actor} took up the CRM’s rejection for review${caseId ? ` (case ${caseId})` : ''}`
  },
  'lead.disposed': (e, _r, p) => {
    const status = String(fieldsOf(e.after).status)
    const what = DISPOSITION_WORDS[status]
    if (!what) return 'The case closed without changing the lead'
    if (e.actorId === null) return `The committee’s verdict: the lead is ${what}`
    return status === 'nurture'
      ? `${p.actor} sent the lead to the Nurture pool`
      : `${p.actor} disqualified the lead`
  },
  'lead.reengaged': (e) => {
    const why = fieldsOf(e.after).why
    const reasons = Array.isArray(why) ? why.filter((w): w is string => typeof w === 'string') : []
    return reasons.length
      ? `The lead re-engaged in the Nurture pool: ${reasons.join('; ')}`
      : 'The lead re-engaged in the Nurture pool'
  },
  'lead.handed_back': (e, _r, p) => {
    const to = p.person(fieldsOf(e.after).ownerId)
    return e.actorId === null
      ? `The lead went back to Sales from the Nurture pool automatically, to ${to}`
      : `${p.actor} handed the lead back to Sales from the Nurture pool, to ${to}`
  },
  'lead.outcome_recorded': (e, r, p) => {
    const a = fieldsOf(e.after)
    const outcome = OUTCOME_WORDS[String(a.outcome)] ?? keyWords(String(a.outcome))
    const on = when(a.occurredOn, r)
    return `${p.actor} recorded the outcome: ${outcome}${on ? `, on ${on}` : ''}`
  },
}

const CASE_SENTENCES: Record<string, Sentence> = {
  'case.opened': (e, _r, p) => {
    const a = fieldsOf(e.after)
    if (a.kind === 'ignored') return `The case opened because ${CLOCK_RAN_OUT.toLowerCase()}`
    const reason = text(a.reason)
    const stage = a.afterContact ? ' after contact' : ''
    return reason
      ? `${p.actor} rejected the lead${stage} and the case opened: ${reason}`
      : `${p.actor} rejected the lead${stage} and the case opened`
  },
  'case.imported': (e, r) => {
    const a = fieldsOf(e.after)
    const reason = text(a.reason)
    const on = when(a.rejectedAt, r)
    return `The CRM’s rejection was imported, not reviewed${reason ? `: ${reason}` : ''}${on ? `, rejected on ${on}` : ''}`
  },
  'case.taken_up': (e, r, p) => {
    const due = when(fieldsOf(e.after).reviewDueAt, r)
    return `${p.actor} took the case up for review${due ? `; the review is due ${due}` : ''}`
  },
  'case.contested': (_e, _r, p) => `${p.actor} contested the case`,
  'case.conceded': (_e, _r, p) => `${p.actor} conceded the case`,
  'case.vote_cast': (e, _r, p) => `${p.actor} voted that ${vote(e.after)}`,
  'case.vote_changed': (e, _r, p) => `${p.actor} changed ${p.their} vote: ${vote(e.after)}`,
  'case.recused': (e, _r, p) => {
    const reason = text(fieldsOf(e.after).reason)
    return `${p.actor} recused ${p.themselves}${reason ? `: ${reason}` : ''}`
  },
  'case.decided': (e) => {
    const a = fieldsOf(e.after)
    const how = a.byChair ? ' on the chair’s casting vote' : a.unanimous ? ' unanimously' : ''
    const disposition = DISPOSITION_WORDS[String(a.disposition)]
    const departures = Array.isArray(a.departures) ? a.departures.length : 0
    const parts = [`The committee decided${how} that ${VERDICT_WORDS[String(a.verdict)] ?? ''}`]
    if (disposition) parts.push(`the lead is ${disposition}`)
    if (a.agreesWithDefinition === false)
      parts.push(
        departures
          ? `the verdict departs from the definition on ${countOf(departures, 'criterion', 'criteria')}`
          : 'the verdict departs from the definition',
      )
    return parts.join('; ')
  },
}

const SENTENCES: Record<string, Sentence> = {
  ...LEAD_SENTENCES,
  ...CASE_SENTENCES,
  ...ADMIN_SENTENCES,
}

/** Every action the app writes to the trail (the tests hold a sentence for each). */
export const AUDIT_ACTIONS = Object.keys(SENTENCES)

/** What an entry says, as its reader reads it. An action unknown here is named as it is. */
export function auditSentence(e: AuditFacts, r: Reading): string {
  const p = people(e, r)
  const sentence = SENTENCES[e.action]
  return sentence ? sentence(e, r, p) : `${p.actor}: ${keyWords(e.action)}`
}
