// Any address under /api that names no endpoint: a 404 problem (application/problem+json) for
// every method, never the app's HTML page (decision 28). No token is asked: there is nothing here.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { notFound, toResponse } from '~/http/api.server'

function noSuchEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url)
  return toResponse(
    notFound(`No endpoint of the API is at ${pathname}; see /api/openapi.json or /api/docs.`),
  )
}

export function loader({ request }: LoaderFunctionArgs) {
  return noSuchEndpoint(request)
}

export function action({ request }: ActionFunctionArgs) {
  return noSuchEndpoint(request)
}
