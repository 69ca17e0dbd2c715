import { type Capability, can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'

type NavItem = { to: string; label: string; capability: Capability }

// The navigation: each page with the capability that opens it (the access table decides who
// sees it).
const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Home', capability: 'leads.read' },
  { to: '/leads', label: 'Leads', capability: 'leads.read' },
  { to: '/cases', label: 'Cases', capability: 'cases.read' },
  { to: '/review', label: 'Review queue', capability: 'review.read' },
  { to: '/reports', label: 'Reports', capability: 'reports.read' },
  { to: '/nurture', label: 'Nurture pool', capability: 'nurture.read' },
  { to: '/hindsight', label: 'Hindsight', capability: 'hindsight.read' },
  { to: '/imports', label: 'Imports', capability: 'imports.run' },
  { to: '/definition', label: 'Lead definition', capability: 'definition.read' },
  { to: '/audit', label: 'Audit trail', capability: 'audit.read' },
  { to: '/admin/users', label: 'Users', capability: 'users.manage' },
  { to: '/admin/reasons', label: 'Reasons', capability: 'reasons.manage' },
  { to: '/admin/settings', label: 'Settings', capability: 'settings.manage' },
  { to: '/admin/api-tokens', label: 'API tokens', capability: 'api_tokens.manage' },
  { to: '/admin/webhooks', label: 'Webhooks', capability: 'webhooks.manage' },
  { to: '/admin/mail', label: 'Mailbox', capability: 'mail.read' },
]

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => can({ roles }, item.capability))
}
