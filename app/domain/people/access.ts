// The one access table: what each capability lets people do, and the roles that hold it.
// Guards, the navigation, the reports index and the domain's "who sees what" all read it.
// Shared by client and server (the navigation is rendered in the browser too).
import { ROLES, type Role } from '~db/enums'

const OVERSIGHT = ['leadership', 'committee', 'admin'] as const satisfies readonly Role[]

export const ACCESS = {
  /** Open the home page, the lead list, the cases list and the lead definition. */
  'leads.read': ROLES,
  'cases.read': ROLES,
  'definition.read': ROLES,
  /** See every lead and case, not only one's own. */
  'leads.read.all': ['marketer', ...OVERSIGHT],
  /** Create leads by hand. */
  'leads.create': ['marketer', 'admin'],
  /** Hand leads that are with Sales to another rep, one or many at once (decision 43). */
  'leads.reassign': ['marketer', 'admin'],
  /** Work a lead handed to you: accept, reject, log contact attempts. */
  'leads.work': ['rep'],
  /** Import leads from a file. */
  'imports.run': ['marketer', 'admin'],
  /** Answer a rejection case: concede or contest. */
  'cases.respond': ['marketer'],
  /** Vote or recuse on a case; sit in a seat. */
  'cases.vote': ['committee'],
  /** Take up cases imported from a CRM, not reviewed, for review. */
  'cases.take_up': ['committee'],
  /** The review queue of open cases. */
  'review.read': OVERSIGHT,
  /** Record what became of a lead, by hand or from a file. */
  'outcomes.record': ['marketer'],
  /** The Nurture pool: leads sent to nurture, what changed since, which re-engaged. */
  'nurture.read': ['marketer', ...OVERSIGHT],
  /** Hand a nurtured lead back to Sales (a re-engaged hand-over). */
  'nurture.hand_back': ['marketer'],
  /** The hindsight-due list. */
  'hindsight.read': ['marketer', ...OVERSIGHT],
  /** The reports index. */
  'reports.read': ROLES,
  /** Every rep's figures, not only one's own. */
  'reports.read.all': ['marketer', ...OVERSIGHT],
  'reports.accuracy': ['rep', ...OVERSIGHT],
  'reports.hindsight': ['rep', ...OVERSIGHT],
  'reports.scorecard': ['rep', ...OVERSIGHT],
  'reports.sources': ['marketer', ...OVERSIGHT],
  'reports.verdicts': OVERSIGHT,
  'reports.sla': OVERSIGHT,
  'reports.definition': ['marketer', ...OVERSIGHT],
  'audit.read': ['admin', 'leadership'],
  'users.manage': ['admin'],
  'reasons.manage': ['admin'],
  'settings.manage': ['admin'],
  /** Create, revoke and rotate the API's tokens. */
  'api_tokens.manage': ['admin'],
  /** Register webhook endpoints, read their deliveries, resend, rotate secrets. */
  'webhooks.manage': ['admin'],
  /** Read the in-app mailbox: every e-mail the app wrote, sent or kept (no SMTP). */
  'mail.read': ['admin'],
  /** Draft, edit, propose and withdraw a version of the lead definition. */
  'definition.draft': ['admin'],
  /** Sign off a proposed version in one's seat. */
  'definition.sign': ['committee'],
} as const satisfies Record<string, readonly Role[]>

export type Capability = keyof typeof ACCESS

export const CAPABILITIES = Object.keys(ACCESS) as Capability[]

/**
 * What each capability lets its holders do, in the words of README.md's roles table (a unit
 * test renders the table from ACCESS and these, and compares it with the README's).
 */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  'leads.read': 'open the home page and the lead list (reps: their own leads)',
  'cases.read': 'open the cases list and a case file (reps: their own cases)',
  'definition.read': 'read the lead definition and its versions',
  'leads.read.all': 'see every lead and case, not only their own',
  'leads.create': 'add a lead by hand',
  'leads.reassign': 'reassign leads that are with Sales to another rep, one by one or in bulk',
  'leads.work': 'work a lead handed to them: accept, reject, log contact attempts',
  'imports.run': 'import leads from a CSV file',
  'cases.respond': 'answer any open rejection case: concede, or contest with a brief',
  'cases.vote': 'vote or recuse on a case, in their seat',
  'cases.take_up':
    'take up cases imported from a CRM (not reviewed) for review, one by one or in bulk',
  'review.read': 'the review queue of open cases',
  'outcomes.record': 'record what became of a lead, by hand or from a CSV file',
  'nurture.read': 'the Nurture pool: leads in nurture, what changed since, which re-engaged',
  'nurture.hand_back': 'hand a nurtured lead back to Sales with a note saying what is new',
  'hindsight.read': 'the hindsight-due list',
  'reports.read': 'the reports index',
  'reports.read.all': "every rep's figures in the reports, not only their own",
  'reports.accuracy': 'the rejection accuracy report and its CSV',
  'reports.hindsight': 'the hindsight report and its CSV',
  'reports.scorecard': 'the rep scorecard and its CSV',
  'reports.sources': 'the source and campaign quality report and its CSV',
  'reports.verdicts': 'the verdicts report and its CSV',
  'reports.sla': 'the service levels report and its CSV',
  'reports.definition':
    'the hindsight of the definition report (is the definition any good?) and its CSV',
  'audit.read': 'the audit trail',
  'users.manage': 'add, edit, deactivate people; roles and seats',
  'reasons.manage': 'the catalog of rejection reasons',
  'settings.manage': 'organisation, SLA and committee settings',
  'api_tokens.manage': 'create, revoke and rotate API tokens (the REST API, for CRMs)',
  'webhooks.manage': 'register webhook endpoints, read their deliveries, resend, rotate secrets',
  'mail.read': 'the mailbox: every e-mail the app wrote, sent over SMTP or kept in the app',
  'definition.draft': 'draft, edit, propose and withdraw lead-definition versions',
  'definition.sign': 'sign off a proposed version, in their seat',
}

/** The access table as README.md shows it: a row per capability, a column per role. */
export function accessTableMarkdown(): string {
  const header = `| capability | lets its holders | ${ROLES.map((r) => `\`${r}\``).join(' | ')} |`
  const rule = `| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} |`
  const rows = CAPABILITIES.map((capability) => {
    const holders: readonly Role[] = ACCESS[capability]
    const marks = ROLES.map((role) => (holders.includes(role) ? '✓' : ''))
    return `| \`${capability}\` | ${CAPABILITY_LABELS[capability]} | ${marks.join(' | ')} |`
  })
  return [header, rule, ...rows].join('\n')
}

/** Whether someone holding these roles has the capability. */
export function can(user: { roles: readonly Role[] }, capability: Capability): boolean {
  const holders: readonly Role[] = ACCESS[capability]
  return user.roles.some((role) => holders.includes(role))
}
