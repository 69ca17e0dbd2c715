// First: before any module builds a zod schema in the browser (see the module).
import '~/zod-in-browser'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { AppNav } from '~/components/app-nav'
import { FormResultFocus } from '~/components/forms'
import { useNonce } from '~/components/nonce'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { CROSS_ORIGIN_REFUSED } from '~/http/errors'
import { getUser } from '~/http/guards.server'
import { getDb } from '~/platform/db.server'
import stylesheet from '~/tailwind.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

export const meta: MetaFunction = ({ error }) => [
  { title: error ? 'Something went wrong · Leadcourt' : 'Leadcourt' },
]

export async function loader(args: LoaderFunctionArgs) {
  const user = await getUser(args)
  const { organisationName } = getOrganisationSettings(getDb())
  return {
    user: user && !user.mustChangePassword ? { name: user.name, roles: user.roles } : null,
    organisationName,
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    <html lang="en" className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full text-slate-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        {data?.user ? <AppNav user={data.user} organisationName={data.organisationName} /> : null}
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <>
      <FormResultFocus />
      <Outlet />
    </>
  )
}

const ERROR_PAGES: Record<number, { title: string; text: string }> = {
  403: {
    title: 'You do not have access to this page',
    text: 'Your roles do not include this page. If you need it, ask an admin.',
  },
  404: {
    title: 'Page not found',
    text: 'There is nothing at this address, or you are not allowed to see it.',
  },
  400: {
    title: 'That request could not be read',
    text: 'Something in the address or the form was not what this page expects. Go back, reload the page and try again.',
  },
  405: {
    title: 'That kind of request is not accepted here',
    text: 'Pages are opened with GET and forms are sent with POST. Go back and use the page’s own buttons.',
  },
  415: {
    title: 'That request was not a form',
    text: 'Leadcourt accepts changes only as forms sent from its own pages. Go back and use the page’s own buttons.',
  },
}

const CROSS_ORIGIN_PAGE = {
  title: 'That request came from another site',
  text: 'For your safety, Leadcourt only accepts changes made from its own pages. Go back to Leadcourt and try again.',
}

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const crossOrigin = isRouteErrorResponse(error) && error.data === CROSS_ORIGIN_REFUSED
  const page = (crossOrigin ? CROSS_ORIGIN_PAGE : ERROR_PAGES[status]) ?? {
    title: 'Something went wrong',
    text: 'The error has been logged. Try again in a moment; if it keeps happening, tell an admin.',
  }
  if (status >= 500) console.error(error)
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{page.title}</h1>
      <p className="mt-3 text-slate-700">{page.text}</p>
      <Link to="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your home page
      </Link>
    </div>
  )
}
