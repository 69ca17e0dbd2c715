import { ROLES, type Role } from '~/domain/people/roles'

export type NavItem = { to: string; label: string; roles: readonly Role[] }

// Only pages that exist are listed; each later feature adds its own entry here.
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Home', roles: ROLES },
  { to: '/leads', label: 'Leads', roles: ROLES },
  { to: '/cases', label: 'Cases', roles: ROLES },
  { to: '/review', label: 'Review queue', roles: ['committee', 'leadership', 'admin'] },
  {
    to: '/reports',
    label: 'Reports',
    roles: ['rep', 'marketer', 'committee', 'leadership', 'admin'],
  },
  { to: '/hindsight', label: 'Hindsight', roles: ['marketer', 'committee', 'leadership', 'admin'] },
  { to: '/imports', label: 'Imports', roles: ['marketer', 'admin'] },
  { to: '/definition', label: 'Lead definition', roles: ROLES },
  { to: '/audit', label: 'Audit trail', roles: ['admin', 'leadership'] },
  { to: '/admin/users', label: 'Users', roles: ['admin'] },
  { to: '/admin/reasons', label: 'Reasons', roles: ['admin'] },
  { to: '/admin/settings', label: 'Settings', roles: ['admin'] },
]

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)))
}
