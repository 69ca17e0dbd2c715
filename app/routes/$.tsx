import type { LoaderFunctionArgs } from '@remix-run/node'

// Any unknown address renders the shared 404 page inside the app's layout.
export function loader(_: LoaderFunctionArgs) {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}
