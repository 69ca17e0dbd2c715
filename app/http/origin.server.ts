import { getEnv } from '~/platform/env.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

import { CROSS_ORIGIN_REFUSED } from './errors'

/**
 * Whether a request may change state: safe methods always; others only when their Origin, or
 * Referer when Origin is absent, is the app's own (APP_ORIGIN when set, behind a proxy; else
 * the origin the request came to). A request with neither header is refused, and so is
 * `Origin: null` whatever its Referer (decision 24): the browser sends it from a sandboxed
 * frame, a `data:` page or a cross-site redirect, none of which is one of the app's pages, and
 * the Referer of a sandboxed frame may well be on this site.
 */
export function isSameOriginRequest(request: {
  method: string
  url: string
  headers: Pick<Headers, 'get'>
}): boolean {
  if (SAFE_METHODS.has(request.method)) return true
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin
  const origin = request.headers.get('Origin')
  if (origin !== null) return origin === expected && hostIsOrigins(origin, request.headers)
  const referer = request.headers.get('Referer')
  if (!referer) return false
  try {
    return new URL(referer).origin === expected
  } catch {
    return false
  }
}

/**
 * Remix refuses (with a 500) an action whose Origin's host is not the request's
 * X-Forwarded-Host, or Host when there is none; the same request is refused here with the 403
 * of every other cross-site request. (A request built without a Host header, in a route test,
 * has nothing to compare.)
 */
function hostIsOrigins(origin: string, headers: Pick<Headers, 'get'>): boolean {
  const forwarded = headers.get('X-Forwarded-Host')?.split(',')[0]?.trim()
  const host = forwarded || headers.get('Host')
  return !host || new URL(origin).host === host
}

/**
 * Whether a request is one of the REST API's (decisions 27, 28): under `/api/`. The browser's
 * origin check does not apply to it, with or without an Authorization header: the API never
 * reads the session cookie, so a forged request has nothing to ride on (a POST with no token
 * is the API's 401 problem, not the browser's 403). Browser routes are never under `/api/`.
 */
export function isApiRequest(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

/** Throws 403 for a state-changing request from another site. */
export function requireSameOrigin(request: Request) {
  if (!isSameOriginRequest(request)) {
    throw new Response(CROSS_ORIGIN_REFUSED, { status: 403 })
  }
}
