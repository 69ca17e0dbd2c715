import { describe, expect, it } from 'vitest'
import { describeChanges, fieldName } from '~/domain/audit/details'
import {
  AUDIT_ACTIONS,
  type AuditFacts,
  auditSentence,
  type Reading,
} from '~/domain/audit/sentences'

const NAMES = new Map([
  [1, 'Dana Reyes'],
  [2, 'Omar Haddad'],
  [3, 'Maya Patel'],
  [4, 'Victor Lindqvist'],
  [5, 'Sasha Ivanova'],
])

/** Victor reads, in London (summer time on 15 Jul 2026). */
const VICTOR: Reading = {
  readerId: 4,
  timeZone: 'Europe/London',
  nameOf: (id) => NAMES.get(id) ?? null,
  reasonOfCase: (id) => (id === 146 ? 'Outside ideal customer profile' : null),
}

const entry = (
  action: string,
  actorId: number | null,
  fields: Partial<AuditFacts> = {},
): AuditFacts => ({
  action,
  actorId,
  actorName: actorId === null ? null : (NAMES.get(actorId) ?? null),
  subjectType: action.split('.')[0] ?? 'lead',
  subjectId: '7',
  subjectName: null,
  before: null,
  after: null,
  ...fields,
})

const AT = '2026-07-15T09:05:00.000Z'

/** One entry of every action the app writes, and the sentence Victor reads. */
const EVERY_ACTION: Record<string, [AuditFacts, string]> = {
  'lead.created': [
    entry('lead.created', 3, { after: { ownerId: 1, company: 'Acme' } }),
    'Maya Patel handed the lead to Dana Reyes',
  ],
  'lead.imported': [
    entry('lead.imported', 3, { after: { ownerId: 1, handedOverAt: '2026-01-15T09:05:00.000Z' } }),
    'Maya Patel imported the lead from the CRM, where it was handed over on 15 Jan 2026, 09:05 GMT',
  ],
  'lead.updated': [
    entry('lead.updated', 3, {
      before: { title: 'CFO', employeeCount: 40 },
      after: { title: 'VP Finance', employeeCount: 1757 },
    }),
    'Maya Patel changed the lead’s title and employee count',
  ],
  'lead.accepted': [entry('lead.accepted', 1), 'Dana Reyes accepted the lead'],
  'lead.converted': [
    entry('lead.converted', 1, { after: { status: 'converted', opportunityRef: 'OPP-12' } }),
    'Dana Reyes marked the lead converted (opportunity OPP-12)',
  ],
  'lead.rejected': [
    entry('lead.rejected', 2, { after: { status: 'in_review', caseId: 146 } }),
    'Omar Haddad rejected the lead: Outside ideal customer profile',
  ],
  'lead.ignored': [
    entry('lead.ignored', null, { after: { status: 'in_review', caseId: 143 } }),
    'The follow-up clock ran out: nobody accepted or rejected the lead in time',
  ],
  'lead.escalated': [
    entry('lead.escalated', null, { before: { ownerId: 1 }, after: { ownerId: 2, caseId: 9 } }),
    'The follow-up clock ran out: nobody accepted or rejected the lead in time; it went on to Omar Haddad with a fresh clock',
  ],
  'lead.reassigned': [
    entry('lead.reassigned', 3, { before: { ownerId: 1 }, after: { ownerId: 2 } }),
    'Maya Patel reassigned the lead to Omar Haddad',
  ],
  'lead.contact_logged': [
    entry('lead.contact_logged', 1, { after: { channel: 'call', at: AT, note: null } }),
    'Dana Reyes logged a contact attempt (call) on 15 Jul 2026, 10:05 BST',
  ],
  'lead.returned': [
    entry('lead.returned', null, { after: { status: 'returned', ownerId: 1 } }),
    'The lead went back to Dana Reyes with a fresh follow-up clock',
  ],
  'lead.taken_up': [
    entry('lead.taken_up', 4, { after: { status: 'in_review', caseId: 12 } }),
    'You took up the CRM’s rejection for review (case 12)',
  ],
  'lead.disposed': [
    entry('lead.disposed', null, { after: { status: 'disqualified', caseId: 12 } }),
    'The committee’s verdict: the lead is disqualified',
  ],
  'lead.reengaged': [
    entry('lead.reengaged', null, { after: { stayId: 3, why: ['Engagement score 40 → 82'] } }),
    'The lead re-engaged in the Nurture pool: Engagement score 40 → 82',
  ],
  'lead.handed_back': [
    entry('lead.handed_back', 3, { after: { status: 'new', ownerId: 2, how: 'handed_back' } }),
    'Maya Patel handed the lead back to Sales from the Nurture pool, to Omar Haddad',
  ],
  'lead.outcome_recorded': [
    entry('lead.outcome_recorded', 3, {
      after: { outcome: 'bought_elsewhere', occurredOn: '2026-11-18', note: null },
    }),
    'Maya Patel recorded the outcome: bought elsewhere, on 18 Nov 2026',
  ],
  'case.opened': [
    entry('case.opened', 2, {
      after: { kind: 'rejected', leadId: 7, reason: 'No budget', afterContact: true },
    }),
    'Omar Haddad rejected the lead after contact and the case opened: No budget',
  ],
  'case.imported': [
    entry('case.imported', null, { after: { reason: 'No need', rejectedAt: '2026-03-02' } }),
    'The CRM’s rejection was imported, not reviewed: No need, rejected on 2 Mar 2026',
  ],
  'case.taken_up': [
    entry('case.taken_up', 4, { after: { status: 'in_review', reviewDueAt: AT } }),
    'You took the case up for review; the review is due 15 Jul 2026, 10:05 BST',
  ],
  'case.contested': [
    entry('case.contested', 3, { after: { brief: 'Fits' } }),
    'Maya Patel contested the case',
  ],
  'case.conceded': [
    entry('case.conceded', 3, { after: { status: 'conceded', disposition: 'nurture' } }),
    'Maya Patel conceded the case',
  ],
  'case.vote_cast': [
    entry('case.vote_cast', 4, {
      after: { verdict: 'does_not_meet', disposition: 'disqualified', findings: {} },
    }),
    'You voted that the lead does not meet the definition and should be disqualified',
  ],
  'case.vote_changed': [
    entry('case.vote_changed', 2, {
      before: { verdict: 'does_not_meet' },
      after: { verdict: 'meets', disposition: null },
    }),
    'Omar Haddad changed their vote: the lead meets the definition',
  ],
  'case.recused': [
    entry('case.recused', 4, { after: { reason: 'I know the buyer' } }),
    'You recused yourself: I know the buyer',
  ],
  'case.decided': [
    entry('case.decided', null, {
      after: {
        verdict: 'does_not_meet',
        disposition: 'nurture',
        unanimous: false,
        byChair: true,
        agreesWithDefinition: false,
        departures: ['industry', 'size'],
      },
    }),
    'The committee decided on the chair’s casting vote that the lead does not meet the definition; the lead is sent to the Nurture pool; the verdict departs from the definition on 2 criteria',
  ],
  'user.created': [
    entry('user.created', 5, {
      subjectId: '4',
      after: { name: 'Victor Lindqvist', roles: ['committee', 'rep'], seat: 'sales' },
    }),
    'Sasha Ivanova added you as committee member and sales rep (sales seat)',
  ],
  'user.updated': [
    entry('user.updated', 5, {
      subjectId: '2',
      subjectName: 'Omar Haddad',
      before: { name: 'Omar Haddad', isChair: false, roles: ['rep'] },
      after: { name: 'Omar Haddad', isChair: true, roles: ['rep'] },
    }),
    'Sasha Ivanova changed Omar Haddad’s details (chair)',
  ],
  'user.deactivated': [
    entry('user.deactivated', 5, { subjectId: '2', subjectName: 'Omar Haddad' }),
    'Sasha Ivanova deactivated Omar Haddad',
  ],
  'user.reactivated': [
    entry('user.reactivated', 5, { subjectId: '2', subjectName: 'Omar Haddad' }),
    'Sasha Ivanova reactivated Omar Haddad',
  ],
  'user.password_reset': [
    entry('user.password_reset', 5, { subjectId: '4', subjectName: 'Victor Lindqvist' }),
    'Sasha Ivanova reset your password; every session of yours ended',
  ],
  'user.password_changed': [
    entry('user.password_changed', 4, { subjectId: '4' }),
    'You changed your password',
  ],
  'user.chair_released': [
    entry('user.chair_released', 5, { subjectId: '2', subjectName: 'Omar Haddad' }),
    'Omar Haddad no longer chairs the committee',
  ],
  'email_preferences.updated': [
    entry('email_preferences.updated', 1, { subjectType: 'user', subjectId: '1' }),
    'Dana Reyes changed their e-mail preferences',
  ],
  'settings.updated': [
    entry('settings.updated', 5, {
      subjectId: 'sla',
      before: { followUpHours: 48, reviewDays: 5 },
      after: { followUpHours: 24, reviewDays: 5, reminderPercent: 25 },
    }),
    // A setting saved for the first time (the reminder share) is a change too.
    'Sasha Ivanova changed the service levels (follow-up SLA (hours) and reminder share (%))',
  ],
  'definition.draft_started': [
    entry('definition.draft_started', 5, { after: { number: 3, from: 2 } }),
    'Sasha Ivanova started drafting version 3 from version 2',
  ],
  'definition.criterion_added': [
    entry('definition.criterion_added', 5, { after: { label: 'Target industry' } }),
    'Sasha Ivanova added the criterion “Target industry” to the draft',
  ],
  'definition.criterion_changed': [
    entry('definition.criterion_changed', 5, {
      before: { label: 'Target industry', value: 'Software' },
      after: { label: 'Target industry', value: 'Software, Retail' },
    }),
    'Sasha Ivanova changed the criterion “Target industry” (value)',
  ],
  'definition.criterion_removed': [
    entry('definition.criterion_removed', 5, { before: { label: 'Engaged' } }),
    'Sasha Ivanova removed the criterion “Engaged” from the draft',
  ],
  'definition.proposed': [
    entry('definition.proposed', 5),
    'Sasha Ivanova proposed the version for sign-off',
  ],
  'definition.withdrawn': [
    entry('definition.withdrawn', 5),
    'Sasha Ivanova withdrew the version to a draft',
  ],
  'definition.signed_off': [
    entry('definition.signed_off', 4, { after: { seat: 'sales' } }),
    'You signed off the version for the sales seat',
  ],
  'definition.activated': [
    entry('definition.activated', 4),
    'The version came into force when you gave the last sign-off',
  ],
  'definition.superseded': [
    entry('definition.superseded', 4, { after: { status: 'superseded', by: 3 } }),
    'Version 3 replaced this version',
  ],
  'reason.created': [
    entry('reason.created', 5, { after: { label: 'No budget' } }),
    'Sasha Ivanova added the reason “No budget”',
  ],
  'reason.updated': [
    entry('reason.updated', 5, {
      before: { label: 'No budget', notesRequired: false },
      after: { label: 'No budget', notesRequired: true },
    }),
    'Sasha Ivanova changed the reason “No budget” (notes required)',
  ],
  'reason.deactivated': [
    entry('reason.deactivated', 5, { subjectName: 'Other' }),
    'Sasha Ivanova deactivated the reason “Other”',
  ],
  'reason.reactivated': [
    entry('reason.reactivated', 5, { subjectName: 'Other' }),
    'Sasha Ivanova reactivated the reason “Other”',
  ],
  'api_token.created': [
    entry('api_token.created', 5, { after: { name: 'Salesforce' } }),
    'Sasha Ivanova created the API token “Salesforce”',
  ],
  'api_token.revoked': [
    entry('api_token.revoked', 5, { after: { name: 'Salesforce' } }),
    'Sasha Ivanova revoked the API token “Salesforce”',
  ],
  'api_token.rotated': [
    entry('api_token.rotated', 5, { after: { name: 'Salesforce' } }),
    'Sasha Ivanova rotated the API token “Salesforce”: a new secret, the old token revoked',
  ],
  'import.started': [
    entry('import.started', 3, { after: { fileName: 'leads.csv' } }),
    'Maya Patel started importing “leads.csv”',
  ],
  'import.finished': [
    entry('import.finished', 3, { after: { created: 1757, updated: 1, unchanged: 0, failed: 2 } }),
    'The import finished: 1,757 leads created, 1 lead updated, 2 rows failed',
  ],
  'import.failed': [
    entry('import.failed', 3, { after: { error: 'The file is not CSV' } }),
    'The import failed: The file is not CSV',
  ],
  'import.expired': [
    entry('import.expired', null, { after: { fileName: 'leads.csv' } }),
    'The uploaded file “leads.csv” was deleted: it was not imported within a day',
  ],
  'webhook.registered': [
    entry('webhook.registered', 5, { after: { url: 'https://crm.example.com/hook' } }),
    'Sasha Ivanova registered a webhook to https://crm.example.com/hook',
  ],
  'webhook.events_changed': [
    entry('webhook.events_changed', 5),
    'Sasha Ivanova changed the events the webhook receives',
  ],
  'webhook.disabled': [
    entry('webhook.disabled', null, { after: { reason: 'Failing for three days' } }),
    'The webhook was disabled: Failing for three days',
  ],
  'webhook.enabled': [entry('webhook.enabled', 5), 'Sasha Ivanova enabled the webhook again'],
  'webhook.secret_rotated': [
    entry('webhook.secret_rotated', 5, { after: { graceHours: 24, previousSecretUntil: AT } }),
    'Sasha Ivanova rotated the webhook’s secret; the old one signs too until 15 Jul 2026, 10:05 BST',
  ],
  'webhook.delivery_resent': [
    entry('webhook.delivery_resent', 5),
    'Sasha Ivanova sent a delivery again',
  ],
  'webhook.test_sent': [entry('webhook.test_sent', 5), 'Sasha Ivanova sent a test delivery'],
}

describe('the audit trail in sentences', () => {
  it('has a sentence for every action the app writes', () => {
    expect(Object.keys(EVERY_ACTION).sort()).toEqual([...AUDIT_ACTIONS].sort())
  })

  it.each(Object.entries(EVERY_ACTION))('%s', (_action, [facts, sentence]) => {
    expect(auditSentence(facts, VICTOR)).toBe(sentence)
  })

  it('says "you" to the reader who did it, and names them to anyone else', () => {
    const rejected = entry('lead.rejected', 2, { after: { caseId: 146 } })
    expect(auditSentence(rejected, { ...VICTOR, readerId: 2 })).toBe(
      'You rejected the lead: Outside ideal customer profile',
    )
    const conceded = entry('case.conceded', 3)
    expect(auditSentence(conceded, { ...VICTOR, readerId: 3 })).toBe('You conceded the case')
    const reset = entry('user.password_reset', 5, {
      subjectId: '4',
      subjectName: 'Victor Lindqvist',
    })
    expect(auditSentence(reset, { ...VICTOR, readerId: 2 })).toBe(
      'Sasha Ivanova reset Victor Lindqvist’s password; every session of theirs ended',
    )
    expect(
      auditSentence(entry('lead.created', 3, { after: { ownerId: 1 } }), {
        ...VICTOR,
        readerId: 1,
      }),
    ).toBe('Maya Patel handed the lead to you')
  })

  it('reads a lead created in a batch (no fields) and a rejection whose case has no reason', () => {
    expect(auditSentence(entry('lead.created', 3), VICTOR)).toBe(
      'Maya Patel handed the lead to Sales',
    )
    expect(auditSentence(entry('lead.rejected', 2, { after: { caseId: 99 } }), VICTOR)).toBe(
      'Omar Haddad rejected the lead',
    )
    expect(auditSentence(entry('lead.created', null, { after: { ownerId: 4 } }), VICTOR)).toBe(
      'The lead was handed to you',
    )
    expect(auditSentence(entry('lead.accepted', null), VICTOR)).toBe('Leadcourt accepted the lead')
  })

  it('names an action it does not know in words', () => {
    expect(auditSentence(entry('lead.teleported', 1), VICTOR)).toBe('Dana Reyes: lead teleported')
  })
})

describe('an entry’s details', () => {
  it('names fields and shows values as people read them, never JSON or ISO times', () => {
    expect(
      describeChanges(
        { status: 'new' },
        {
          status: 'in_review',
          caseId: 146,
          at: '2026-11-27T12:53:00.000Z',
          findings: {},
          byChair: false,
          ownerId: 4,
          employeeCount: 1757,
          verdict: 'does_not_meet',
          roles: ['committee', 'rep'],
        },
        VICTOR,
      ),
    ).toEqual([
      { key: 'status', field: 'Status', before: 'new', after: 'in review' },
      { key: 'caseId', field: 'Case', before: null, after: '146' },
      { key: 'at', field: 'When', before: null, after: '27 Nov 2026, 12:53 GMT' },
      { key: 'byChair', field: 'Decided by the chair’s vote', before: null, after: 'No' },
      { key: 'ownerId', field: 'Owner', before: null, after: 'You' },
      { key: 'employeeCount', field: 'Employee count', before: null, after: '1,757' },
      { key: 'verdict', field: 'Verdict', before: null, after: 'does not meet' },
      { key: 'roles', field: 'Roles', before: null, after: 'committee and rep' },
    ])
  })

  it('shows findings as criterion and finding, and a batch’s members by lead', () => {
    expect(
      describeChanges(
        null,
        {
          findings: { industry: 'met', size: 'unmet' },
          members: [
            { id: '101', after: '{}', hash: 'a' },
            { id: '102', after: '{}', hash: 'b' },
          ],
        },
        VICTOR,
      ),
    ).toEqual([
      { key: 'findings', field: 'Findings', before: null, after: 'Industry: met; Size: unmet' },
      { key: 'members', field: 'Created together', before: null, after: '2: lead 101, lead 102' },
    ])
  })

  it('shows ids as stored and sources and campaigns exactly as the filters list them', () => {
    expect(
      describeChanges(
        null,
        {
          caseId: 12345,
          importJobId: 1002,
          number: 1200,
          source: 'paid_search',
          campaign: 'spring_launch',
          ownerId: 5,
          repId: 4,
        },
        VICTOR,
      ).map((c) => [c.key, c.field, c.after]),
    ).toEqual([
      ['caseId', 'Case', '12345'],
      ['importJobId', 'Import', '1002'],
      ['number', 'Version', '1200'],
      ['source', 'Source', 'paid_search'],
      ['campaign', 'Campaign', 'spring_launch'],
      ['ownerId', 'Owner', 'Sasha Ivanova'],
      ['repId', 'Rep', 'You'],
    ])
  })

  it('names a field it does not know from its key', () => {
    expect(fieldName('quietHoursStart')).toBe('Quiet hours start')
  })
})
