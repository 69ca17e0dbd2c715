// A report page's error boundary: a filter the report cannot use (400) or a report that took too
// long (503) is explained with the server's message and a way back to the default range; any
// other error gets the same words as the root's error page.
import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react'

const PAGES: Record<number, string> = {
  400: 'This report cannot be shown with these filters',
  403: 'You do not have access to this page',
  503: 'This report took too long',
}

export function ReportErrorBoundary() {
  const error = useRouteError()
  const { pathname } = useLocation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const explained = isRouteErrorResponse(error) && (status === 400 || status === 503)
  if (status >= 500 && status !== 503) console.error(error)
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{PAGES[status] ?? 'Something went wrong'}</h1>
      <p className="mt-3 text-slate-700">
        {explained
          ? String(error.data)
          : status === 403
            ? 'Your roles do not include this page. If you need it, ask an admin.'
            : 'The error has been logged. Try again in a moment; if it keeps happening, tell an admin.'}
      </p>
      {explained ? (
        <Link to={pathname} className="mt-6 inline-block text-brand-700 underline">
          Open the report for the last twelve months
        </Link>
      ) : (
        <Link to="/" className="mt-6 inline-block text-brand-700 underline">
          Go to your home page
        </Link>
      )}
    </div>
  )
}
