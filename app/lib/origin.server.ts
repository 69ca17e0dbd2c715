import { getEnv } from './env.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses (403) a state-changing request whose Origin, or Referer when Origin is absent, is
 * not the app's own: APP_ORIGIN when set (behind a proxy), else the origin the request came to.
 */
export function requireSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin
  const origin = request.headers.get('Origin')
  const referer = request.headers.get('Referer')
  let actual: string | null = null
  if (origin && origin !== 'null') actual = origin
  else if (referer) {
    try {
      actual = new URL(referer).origin
    } catch {
      actual = null
    }
  }
  if (actual !== expected) {
    throw new Response('Cross-origin request refused', { status: 403 })
  }
}
