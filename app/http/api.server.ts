// The REST API's edge (issue 17, decision 27): the bearer-token guard, and the one shape of an
// API error, `application/problem+json` (RFC 9457). API routes never read the session cookie,
// and browser routes never read a token.
import type { AppLoadContext } from '@remix-run/node'
import { type ApiCaller, authenticateToken } from '~/domain/api/authenticate.server'
import type { ApiScope } from '~/domain/api/scopes'
import { getDb } from '~/platform/db.server'
import { nowOf } from '../load-context'

type RouteArgs = { request: Request; context: AppLoadContext }

export const PROBLEM_TYPE = 'application/problem+json'

export type Problem = { type: string; title: string; status: number; detail: string }

/** An error answer: a problem document, its `type` a path naming the kind of problem. */
export function problem(
  status: number,
  kind: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  const body: Problem = { type: `/api/problems/${kind}`, title, status, detail }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': PROBLEM_TYPE, 'Cache-Control': 'no-store', ...headers },
  })
}

/** A JSON answer of the API. */
export function apiJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  })
}

const BEARER = /^Bearer ([^\s]+)$/

const WHY: Record<string, string> = {
  malformed: 'The token is not one Leadcourt issues (lc_<prefix>_<secret>).',
  unknown: 'The token is not known.',
  revoked: 'The token has been revoked.',
  expired: 'The token has expired.',
}

function unauthorized(detail: string, invalidToken: boolean): Response {
  const challenge = invalidToken ? 'Bearer error="invalid_token"' : 'Bearer'
  return problem(401, 'unauthorized', 'Unauthorized', detail, { 'WWW-Authenticate': challenge })
}

/**
 * Throws a 401 problem unless the request carries `Authorization: Bearer <token>` with a
 * token that is known, not revoked and not expired; a 403 problem when the token lacks the
 * scope (`null`: any valid token will do). Never reads a cookie.
 */
export function requireToken(args: RouteArgs, scope: ApiScope | null): ApiCaller {
  const header = args.request.headers.get('Authorization')
  if (header === null) throw unauthorized('Send the token as Authorization: Bearer <token>.', false)
  const token = BEARER.exec(header.trim())?.[1]
  if (!token) throw unauthorized('The Authorization header is not "Bearer <token>".', true)
  const found = authenticateToken(getDb(), token, nowOf(args.context))
  if (!found.ok) throw unauthorized(WHY[found.reason] ?? 'The token is not valid.', true)
  if (scope && !found.caller.scopes.includes(scope))
    throw problem(403, 'forbidden', 'Forbidden', `The token does not have the scope ${scope}.`)
  return found.caller
}

/** The 405 of a method an API route does not answer, with its Allow header. */
export function methodNotAllowed(request: Request, allow: string): Response {
  return problem(
    405,
    'method-not-allowed',
    'Method Not Allowed',
    `${request.method} is not allowed here; use ${allow}.`,
    { Allow: allow },
  )
}
