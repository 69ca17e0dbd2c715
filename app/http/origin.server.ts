import { getEnv } from '~/platform/env.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

import { CROSS_ORIGIN_REFUSED } from './errors'

/**
 * Whether a request may change state: safe methods always; others only when their Origin, or
 * Referer when Origin is absent, is the app's own (APP_ORIGIN when set, behind a proxy; else
 * the origin the request came to). A request with neither header is refused.
 */
export function isSameOriginRequest(request: {
  method: string
  url: string
  headers: Pick<Headers, 'get'>
}): boolean {
  if (SAFE_METHODS.has(request.method)) return true
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin
  const origin = request.headers.get('Origin')
  if (origin && origin !== 'null') return origin === expected
  const referer = request.headers.get('Referer')
  if (!referer) return false
  try {
    return new URL(referer).origin === expected
  } catch {
    return false
  }
}

/** Throws 403 for a state-changing request from another site. */
export function requireSameOrigin(request: Request) {
  if (!isSameOriginRequest(request)) {
    throw new Response(CROSS_ORIGIN_REFUSED, { status: 403 })
  }
}
