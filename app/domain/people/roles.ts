// Shared by client and server: the roles and seats of PRODUCT.md, with the words the UI uses.
import { ROLES, type Role, SEATS, type Seat } from '~db/enums'
import { can } from './access'

export { ROLES, type Role, SEATS, type Seat }

export const ROLE_LABELS: Record<Role, string> = {
  rep: 'Sales rep',
  marketer: 'Marketer',
  committee: 'Committee member',
  leadership: 'Leadership',
  admin: 'Admin',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  rep: 'Sees the leads assigned to them; accepts, rejects and logs contact attempts; sees their own cases and scorecard.',
  marketer:
    'Creates and imports leads, assigns them, answers rejection cases and records later outcomes.',
  committee: 'Reads cases in the review queue, votes and recuses; sits in a seat.',
  leadership: 'Reads every report and export.',
  admin: 'Manages users, roles, seats, settings, the reason catalog and definition drafts.',
}

export const SEAT_LABELS: Record<Seat, string> = {
  sales: 'Sales seat',
  marketing: 'Marketing seat',
  executive: 'Executive seat',
}

export function hasRole(user: { roles: readonly Role[] }, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role))
}

/** Whoever holds 'leads.read.all' (the access table) sees every lead; anyone else only their own. */
export function seesAllLeads(user: { roles: readonly Role[] }): boolean {
  return can(user, 'leads.read.all')
}
