import { type Capability, can } from '~/domain/people/access'
import type { Role } from '~/domain/people/roles'

export type NavItem = { to: string; label: string; capability: Capability }

/** What the navigation shows at its top: a link, or a group's menu of two links or more. */
export type NavEntry =
  | { kind: 'link'; item: NavItem }
  | { kind: 'menu'; label: string; items: NavItem[] }

// The navigation (decision 37): the pages in the groups a sales-ops lead looks for them, each
// with the capability that opens it (the access table decides who sees it). Home stands alone.
const NAV_GROUPS: { label: string; items: NavItem[] }[] = [
  { label: 'Home', items: [{ to: '/', label: 'Home', capability: 'leads.read' }] },
  {
    label: 'Work',
    items: [
      { to: '/leads', label: 'Leads', capability: 'leads.read' },
      { to: '/nurture', label: 'Nurture pool', capability: 'nurture.read' },
      { to: '/imports', label: 'Imports', capability: 'imports.run' },
    ],
  },
  {
    label: 'Court',
    items: [
      { to: '/cases', label: 'Cases', capability: 'cases.read' },
      { to: '/review', label: 'Review queue', capability: 'review.read' },
      { to: '/definition', label: 'Lead definition', capability: 'definition.read' },
    ],
  },
  {
    label: 'Insight',
    items: [
      { to: '/reports', label: 'Reports', capability: 'reports.read' },
      { to: '/hindsight', label: 'Hindsight', capability: 'hindsight.read' },
      { to: '/audit', label: 'Audit trail', capability: 'audit.read' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { to: '/admin/users', label: 'Users', capability: 'users.manage' },
      { to: '/admin/reasons', label: 'Reasons', capability: 'reasons.manage' },
      { to: '/admin/settings', label: 'Settings', capability: 'settings.manage' },
      { to: '/admin/api-tokens', label: 'API tokens', capability: 'api_tokens.manage' },
      { to: '/admin/webhooks', label: 'Webhooks', capability: 'webhooks.manage' },
      { to: '/admin/mail', label: 'Mailbox', capability: 'mail.read' },
    ],
  },
]

/** The navigation of someone holding these roles: a group they see one page of is a plain link. */
export function navigationFor(roles: readonly Role[]): NavEntry[] {
  return NAV_GROUPS.flatMap(({ label, items }): NavEntry[] => {
    const shown = items.filter((item) => can({ roles }, item.capability))
    if (shown.length === 0) return []
    const [only] = shown
    return shown.length === 1 && only
      ? [{ kind: 'link', item: only }]
      : [{ kind: 'menu', label, items: shown }]
  })
}

/** The pages of the navigation's entries, in order. */
export function entryItems(entry: NavEntry): NavItem[] {
  return entry.kind === 'link' ? [entry.item] : entry.items
}

/**
 * The search parameter a list puts on its links to the pages it opens, so that the page's
 * navigation shows the list it came from: a case opened from the review queue is in the review
 * queue, not the cases list.
 */
export const VIA_PARAM = 'via'
// Each list, and the pages it opens (a prefix of their paths): only those pages follow `via`.
const VIA_LISTS = { review: { list: '/review', opens: '/cases/' } } as const
export type ViaList = keyof typeof VIA_LISTS

/** `path` opened from the list `via` (see VIA_PARAM). */
export function pathVia(path: string, via: ViaList): string {
  return `${path}${path.includes('?') ? '&' : '?'}${VIA_PARAM}=${via}`
}

function viaOf(search: URLSearchParams): ViaList | null {
  const via = search.get(VIA_PARAM)
  return via !== null && Object.hasOwn(VIA_LISTS, via) ? (via as ViaList) : null
}

/**
 * Which of these pages is the current one at this address: the list named by the `via`
 * parameter when it is one of them and the address is a page that list opens, else the page whose path is the longest prefix of the
 * address (Home only at `/`).
 */
export function currentPath(
  items: readonly NavItem[],
  pathname: string,
  search: URLSearchParams,
): string | null {
  const via = viaOf(search)
  const viaList = via && pathname.startsWith(VIA_LISTS[via].opens) ? VIA_LISTS[via].list : null
  if (viaList && items.some((item) => item.to === viaList)) return viaList
  let current: string | null = null
  for (const { to } of items) {
    const matches = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)
    if (matches && (current === null || to.length > current.length)) current = to
  }
  return current
}

/** `path`, opened from the same list as the address whose search parameters these are. */
export function keepVia(path: string, search: URLSearchParams): string {
  const via = viaOf(search)
  return via ? pathVia(path, via) : path
}
