import { Form, Link, useLocation } from '@remix-run/react'
import { ROLE_LABELS, type Role } from '~/domain/people/roles'
import { currentPath, entryItems, type NavItem, navigationFor } from '~/http/navigation'
import { Disclosure } from './disclosure'
import { cx } from './ui'

export type NavUser = { name: string; roles: Role[] }

const topClass = (current: boolean) =>
  cx(
    'rounded-md px-3 py-2 text-sm font-medium',
    current ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100',
  )
// On a phone a panel spans the header (no sideways scrolling); from `sm` it hangs below its button.
const panelClass = 'inset-x-2 rounded-md border border-slate-200 bg-white p-1 shadow-lg sm:w-56'
const panelLinkClass = (current: boolean) =>
  cx(
    'block rounded px-3 py-2 text-sm',
    current ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100',
  )

function PanelLinks({
  items,
  current,
}: {
  items: readonly Pick<NavItem, 'to' | 'label'>[]
  current: string | null
}) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            aria-current={item.to === current ? 'page' : undefined}
            className={panelLinkClass(item.to === current)}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}

/**
 * The header: the pages a person's roles open, grouped (decision 37), with the group of the page
 * shown marked, and their account's menu. One row from 1024 px; on a phone the groups wrap
 * below the name and every menu spans the screen.
 */
export function AppNav({ user, organisationName }: { user: NavUser; organisationName: string }) {
  const { pathname, search } = useLocation()
  const entries = navigationFor(user.roles)
  const current = currentPath(entries.flatMap(entryItems), pathname, new URLSearchParams(search))
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <div className="flex flex-col">
          <span className="text-lg font-semibold text-brand-900">Leadcourt</span>
          <span className="text-xs text-slate-600">{organisationName}</span>
        </div>
        <nav aria-label="Main" className="order-last w-full lg:order-none lg:w-auto lg:flex-1">
          <ul className="flex flex-wrap gap-1">
            {entries.map((entry) => {
              if (entry.kind === 'link') {
                const here = entry.item.to === current
                return (
                  <li key={entry.item.to}>
                    <Link
                      to={entry.item.to}
                      aria-current={here ? 'page' : undefined}
                      className={cx('block', topClass(here))}
                    >
                      {entry.item.label}
                    </Link>
                  </li>
                )
              }
              const here = entry.items.some((item) => item.to === current)
              return (
                <li key={entry.label}>
                  <Disclosure
                    label={entry.label}
                    current={here}
                    buttonClassName={topClass(here)}
                    panelClassName={cx(panelClass, 'sm:left-0')}
                  >
                    <PanelLinks items={entry.items} current={current} />
                  </Disclosure>
                </li>
              )
            })}
          </ul>
        </nav>
        <div className="ml-auto">
          <AccountMenu user={user} pathname={pathname} />
        </div>
      </div>
    </header>
  )
}

const ACCOUNT_ITEMS = [
  { to: '/account/password', label: 'Change password' },
  { to: '/account/email', label: 'E-mail' },
]

/** The signed-in person's menu: who and in which roles, their account's pages, Sign out. */
function AccountMenu({ user, pathname }: { user: NavUser; pathname: string }) {
  const here = ACCOUNT_ITEMS.find((item) => item.to === pathname)?.to ?? null
  return (
    <Disclosure
      label={
        <>
          <span className="sr-only">Account: </span>
          {user.name}
        </>
      }
      current={here !== null}
      buttonClassName={cx(topClass(here !== null), 'border border-slate-200')}
      panelClassName={cx(panelClass, 'sm:right-0 sm:left-auto sm:w-64')}
    >
      <p className="px-3 py-2 text-sm text-slate-700">
        Signed in as <span className="font-medium">{user.name}</span>
        <span className="block text-slate-600">
          {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
        </span>
      </p>
      <div className="border-t border-slate-200 pt-1">
        <PanelLinks items={ACCOUNT_ITEMS} current={here} />
        <Form method="post" action="/sign-out">
          <button
            type="submit"
            className="block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
          >
            Sign out
          </button>
        </Form>
      </div>
    </Disclosure>
  )
}
