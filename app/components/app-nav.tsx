import { Form, NavLink } from '@remix-run/react'
import { ROLE_LABELS, type Role } from '~/domain/people/roles'
import { navigationFor } from '~/http/navigation'
import { cx } from './ui'

export type NavUser = { name: string; roles: Role[] }

export function AppNav({ user, organisationName }: { user: NavUser; organisationName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <div className="flex flex-col">
          <span className="text-lg font-semibold text-brand-900">Leadcourt</span>
          <span className="text-xs text-slate-600">{organisationName}</span>
        </div>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-1">
            {navigationFor(user.roles).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/'}
                  className={({ isActive }) =>
                    cx(
                      'block rounded-md px-3 py-2 text-sm font-medium',
                      isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100',
                    )
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-700">
            <span className="font-medium">{user.name}</span>
            <span className="sr-only"> signed in as </span>
            <span className="ml-2 text-slate-500">
              {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
            </span>
          </span>
          <NavLink to="/account/password" className="text-slate-700 underline hover:text-brand-700">
            Change password
          </NavLink>
          <NavLink to="/account/email" className="text-slate-700 underline hover:text-brand-700">
            E-mail
          </NavLink>
          <Form method="post" action="/sign-out">
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
            >
              Sign out
            </button>
          </Form>
        </div>
      </div>
    </header>
  )
}
