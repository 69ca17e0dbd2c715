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
  /** Work a lead handed to you: accept, reject, log contact attempts. */
  'leads.work': ['rep'],
  /** Import leads from a file. */
  'imports.run': ['marketer', 'admin'],
  /** Answer a rejection case: concede or contest. */
  'cases.respond': ['marketer'],
  /** Vote or recuse on a case; sit in a seat. */
  'cases.vote': ['committee'],
  /** The review queue of open cases. */
  'review.read': OVERSIGHT,
  /** Record what became of a lead, by hand or from a file. */
  'outcomes.record': ['marketer'],
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
  'audit.read': ['admin', 'leadership'],
  'users.manage': ['admin'],
  'reasons.manage': ['admin'],
  'settings.manage': ['admin'],
  /** Draft, edit, propose and withdraw a version of the lead definition. */
  'definition.draft': ['admin'],
  /** Sign off a proposed version in one's seat. */
  'definition.sign': ['committee'],
} as const satisfies Record<string, readonly Role[]>

export type Capability = keyof typeof ACCESS

export const CAPABILITIES = Object.keys(ACCESS) as Capability[]

/** Whether someone holding these roles has the capability. */
export function can(user: { roles: readonly Role[] }, capability: Capability): boolean {
  const holders: readonly Role[] = ACCESS[capability]
  return user.roles.some((role) => holders.includes(role))
}
