// The REST API's edge (issue 17, decision 27): the bearer-token guard, and the one shape of an
// API error, `application/problem+json` (RFC 9457). API routes never read the session cookie,
// and browser routes never read a token.
import type { AppLoadContext } from '@remix-run/node'
import type { z } from 'zod'
import { type ApiCaller, authenticateToken } from '~/domain/api/authenticate.server'
import { countRequest } from '~/domain/api/rate-limit.server'
import type { ApiScope } from '~/domain/api/scopes'
import { getDb } from '~/platform/db.server'
import { nowOf } from '../load-context'
import { issuesOf } from './api/answers'

type RouteArgs = { request: Request; context: AppLoadContext }

export const PROBLEM_TYPE = 'application/problem+json'

/** What was wrong with one field of the request: its path in the body or query (`leads[3].email`). */
export type FieldError = { field: string; message: string }

export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  errors?: FieldError[]
}

/**
 * An answer before it is a Response: what a write's handler returns, so that the idempotency
 * record (app/http/api/idempotent.server.ts) can keep it and give it again.
 */
export type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> }

/** The problem document of a status, its `type` a path naming the kind of problem. */
export function problemAnswer(
  status: number,
  kind: string,
  title: string,
  detail: string,
  options: { headers?: Record<string, string>; errors?: FieldError[] } = {},
): ApiAnswer {
  const body: Problem = { type: `/api/problems/${kind}`, title, status, detail }
  if (options.errors) body.errors = options.errors
  return { status, body, headers: { 'Content-Type': PROBLEM_TYPE, ...options.headers } }
}

/** An answer as a Response: JSON (or a problem's JSON), never cached. */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...answer.headers,
    },
  })
}

/** An error answer: a problem document, its `type` a path naming the kind of problem. */
export function problem(
  status: number,
  kind: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
  errors?: FieldError[],
): Response {
  return toResponse(problemAnswer(status, kind, title, detail, { headers, errors }))
}

/** A JSON answer of the API. */
export function apiJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return toResponse({ status, body, headers })
}

/** The 404 of a record the API does not have (or the caller may not see). */
export function notFound(detail: string): ApiAnswer {
  return problemAnswer(404, 'not-found', 'Not Found', detail)
}

/** `Bearer <token>`; the scheme's name in any case (RFC 7235: `bearer`, `BEARER` too). */
const BEARER = /^Bearer +([^\s]+)$/i

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
 * scope (`null`: any valid token will do); a 429 problem with `Retry-After` when the token has
 * made more requests this minute than its rate allows (every request with a valid token and
 * scope counts). Never reads a cookie.
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
  const { caller } = found
  const admitted = countRequest(getDb(), caller.tokenId, caller.ratePerMinute, nowOf(args.context))
  if (!admitted.ok)
    throw problem(
      429,
      'rate-limited',
      'Too Many Requests',
      `The token may make ${caller.ratePerMinute} requests a minute; try again in ${admitted.retryAfterSeconds} s.`,
      { 'Retry-After': String(admitted.retryAfterSeconds) },
    )
  return caller
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

const CANONICAL_ID = /^[1-9][0-9]*$/

/**
 * A record's id from the path, written the one way the app writes it (decision 24): `/leads/007`,
 * `/leads/7.0` or `/leads/abc` name nothing and are a 404 problem, as for the pages.
 */
export function apiId(
  params: Record<string, string | undefined>,
  name: string,
  what: string,
): number {
  const text = params[name] ?? ''
  const id = CANONICAL_ID.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(id)) throw toResponse(notFound(`No ${what} has the id “${text}”.`))
  return id
}

/**
 * The query string parsed with the schema (a repeated parameter: its last value); a 422
 * problem naming each parameter that is wrong.
 */
export function apiQuery<T>(request: Request, schema: z.ZodType<T>): T {
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = schema.safeParse(query)
  if (parsed.success) return parsed.data
  const errors = issuesOf(parsed.error).map((e) => ({
    field: e.field === 'body' ? 'query' : e.field,
    message:
      e.message === 'This field is not one the API knows'
        ? 'This parameter is not one the API knows'
        : e.message,
  }))
  throw problem(
    422,
    'validation',
    'Unprocessable Content',
    `${errors[0]?.field}: ${errors[0]?.message}`,
    {},
    errors,
  )
}
