// Calling the REST API from route tests: a token made through the domain (as the admin page
// makes one), and real Requests with a bearer token and a JSON body sent to a route module's
// loader or action at a pinned instant.
import type { ActionFunctionArgs } from '@remix-run/node'
import { API_SCOPES, type ApiScope } from '~/domain/api/scopes'
import { createApiToken } from '~/domain/api/tokens.server'
import { getDb } from '~/platform/db.server'
import { requestArgs, settle } from './http'

export const ALL_SCOPES: ApiScope[] = [...API_SCOPES]

/** A new token with these scopes (and rate a minute), made at `now`. */
export function apiToken(
  scopes: ApiScope[] = ALL_SCOPES,
  options: { rate?: number; now?: Date; name?: string } = {},
): { token: string; tokenId: number } {
  const created = createApiToken(
    getDb(),
    null,
    { name: options.name ?? 'CRM', scopes, rate: options.rate ?? 100_000 },
    options.now ?? new Date('2026-11-01T00:00:00Z'),
  )
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors))
  return { token: created.token, tokenId: created.tokenId }
}

type Handler = (args: ActionFunctionArgs) => unknown

export type Call = {
  token?: string | null
  body?: unknown
  /** The body as sent, when it must not be JSON.stringify'd (malformed JSON). */
  raw?: string
  headers?: Record<string, string | null>
  params?: Record<string, string>
  now: Date
}

/** Sends one request to a route's loader (GET) or action (others); the Response it answered. */
export async function callApi(
  handler: Handler,
  method: string,
  path: string,
  call: Call,
): Promise<Response> {
  const headers: Record<string, string | null> = {}
  if (call.token) headers.Authorization = `Bearer ${call.token}`
  const hasBody = call.body !== undefined || call.raw !== undefined
  if (hasBody) headers['Content-Type'] = 'application/json'
  Object.assign(headers, call.headers)
  const body = call.raw ?? (call.body === undefined ? null : JSON.stringify(call.body))
  const args = requestArgs(path, { method, body, headers }, { now: call.now }, call.params ?? {})
  const answer = await settle(async () => handler(args))
  if (!(answer instanceof Response)) throw new Error(`${method} ${path} answered no Response`)
  return answer
}

/** The JSON of an answer (a problem or a body). */
export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.clone().json()) as T
}
