// Builds real Requests for calling route loaders and actions, as the browser would send them.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

export const ORIGIN = 'http://localhost:3000'
const CLIENT = { clientAddress: '203.0.113.7' }

type Options = { cookie?: string | null; origin?: string | null; address?: string; now?: Date }

// The clock loaders and actions read from the load context. Each request reads it once, when
// it is built, and its loader or action sees that one instant however often it asks. Unpinned,
// that is the wall clock (fixtures written with the wall clock stay before the request); a test
// pins an instant for one request with `now`.

function contextOf(options: Options) {
  const at = new Date(options.now ?? Date.now())
  return { clientAddress: options.address ?? CLIENT.clientAddress, now: () => new Date(at) }
}

function headers({ cookie, origin }: Options, method: string) {
  const h = new Headers()
  if (cookie) h.set('Cookie', cookie)
  if (method !== 'GET' && origin !== null) h.set('Origin', origin ?? ORIGIN)
  return h
}

export function getArgs(
  path: string,
  options: Options = {},
  params: Record<string, string> = {},
): LoaderFunctionArgs {
  const request = new Request(`${ORIGIN}${path}`, { headers: headers(options, 'GET') })
  return { request, params, context: contextOf(options) }
}

export function postArgs(
  path: string,
  fields: Record<string, string | string[]>,
  options: Options = {},
  params: Record<string, string> = {},
): ActionFunctionArgs {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  }
  const request = new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: headers(options, 'POST'),
    body,
  })
  return { request, params, context: contextOf(options) }
}

/**
 * Args for any loader or action: a Request with this method, body and headers on top of the
 * usual ones (a null header value removes it, so `Origin: null` is the string 'null').
 */
export function requestArgs(
  path: string,
  init: { method: string; body?: BodyInit | null; headers?: Record<string, string | null> },
  options: Options = {},
  params: Record<string, string> = {},
): ActionFunctionArgs {
  const h = headers(options, init.method)
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === null) h.delete(name)
    else h.set(name, value)
  }
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method,
    headers: h,
    body: init.body ?? null,
  })
  return { request, params, context: contextOf(options) }
}

/** Runs a loader or action and returns the Response it threw or returned, or its data. */
export async function settle<T>(fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('Set-Cookie')
  if (!setCookie) throw new Error('No Set-Cookie header')
  return setCookie.split(';')[0] as string
}

type Settled = unknown

/** The HTTP status a loader/action result stands for: a Response's, data()'s init, or 200. */
export function statusOf(result: Settled): number {
  if (result instanceof Response) return result.status
  const init = result as { type?: string; init?: { status?: number } | null } | null
  if (init?.type === 'DataWithResponseInit') return init.init?.status ?? 200
  return 200
}

/** The payload of a data() result, or the plain object a loader returned. */
export function payloadOf<T = Record<string, unknown>>(result: Settled): T {
  const r = result as { type?: string; data?: unknown } | null
  return (r?.type === 'DataWithResponseInit' ? r.data : result) as T
}

export function locationOf(result: Settled): string | null {
  return result instanceof Response ? result.headers.get('Location') : null
}

/** A multipart POST with one file and any fields after it, as a browser sends an import form. */
export function uploadArgs(
  path: string,
  file: { name: string; content: string | Buffer },
  options: Options = {},
  fields: Record<string, string> = {},
): ActionFunctionArgs {
  const body = new FormData()
  const bytes = typeof file.content === 'string' ? file.content : new Uint8Array(file.content)
  body.append('file', new Blob([bytes], { type: 'text/csv' }), file.name)
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  const request = new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: headers(options, 'POST'),
    body,
  })
  return {
    request,
    params: {},
    context: contextOf(options),
  }
}
