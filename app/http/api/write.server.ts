// Every write of the REST API goes through `apiWrite` (decision 28): POST only (else 405), the
// token and scope (401/403/429), a JSON body (else 415; malformed 400; too large 413), an
// optional `Idempotency-Key` (1–255 printable characters, else 400), and then the handler, always
// in one immediate transaction (with the key's record when there is a key): the same key and body
// within 24 hours replays the first answer (`Idempotent-Replayed: true`) and changes nothing;
// the same key with another body or path is a 422.
import type { AppLoadContext } from '@remix-run/node'
import type { ApiCaller } from '~/domain/api/authenticate.server'
import {
  bodyHash,
  IDEMPOTENCY_KEY,
  type KeyedRequest,
  recall,
  remember,
} from '~/domain/api/idempotency.server'
import type { ApiScope } from '~/domain/api/scopes'
import { getDb } from '~/platform/db.server'
import type { Queryable } from '~db/connection'
import { nowOf } from '../../load-context'
import {
  type ApiAnswer,
  methodNotAllowed,
  problem,
  problemAnswer,
  requireToken,
  toResponse,
} from '../api.server'

type RouteArgs = {
  request: Request
  context: AppLoadContext
  params: Record<string, string | undefined>
}

/** The most a request body may hold: a batch of 10,000 leads fits with room to spare. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

export type WriteContext = { tx: Queryable; caller: ApiCaller; now: Date }

function isJson(request: Request): boolean {
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json'
}

/** The body as text, or the problem it is (415 not JSON, 413 too large). */
async function bodyText(request: Request): Promise<string> {
  // No body at all (a POST that needs none, such as disable) reads as an empty object.
  if (request.body === null || request.headers.get('Content-Length') === '0') return '{}'
  if (!isJson(request))
    throw problem(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      'Send the body as JSON, with Content-Type: application/json.',
    )
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  const tooLarge = () =>
    problem(
      413,
      'too-large',
      'Content Too Large',
      `The body may hold at most ${MAX_BODY_BYTES} bytes.`,
    )
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge()
  return text
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw problem(
      400,
      'malformed-json',
      'Bad Request',
      `The body is not JSON: ${(error as Error).message}`,
    )
  }
}

/** The request's Idempotency-Key, if any; a 400 naming the header when it is not a key. */
function idempotencyKey(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER)
  if (key === null) return null
  if (IDEMPOTENCY_KEY.test(key)) return key
  const message = 'Send 1 to 255 printable ASCII characters, such as a UUID'
  throw problem(
    400,
    'bad-idempotency-key',
    'Bad Request',
    `${IDEMPOTENCY_HEADER}: ${message}.`,
    {},
    [{ field: IDEMPOTENCY_HEADER, message }],
  )
}

/** What is kept of an answer: its body and the headers that matter on a replay. */
function stored(answer: ApiAnswer): string {
  return JSON.stringify({ headers: answer.headers ?? {}, body: answer.body })
}

function replayed(status: number, response: string): ApiAnswer {
  const kept = JSON.parse(response) as { headers: Record<string, string>; body: unknown }
  return { status, body: kept.body, headers: { ...kept.headers, 'Idempotent-Replayed': 'true' } }
}

/** Runs the handler once per key: the first answer again, or a 422 for another request. */
export function idempotent(
  db: Queryable,
  keyed: KeyedRequest,
  now: Date,
  handle: (tx: Queryable) => ApiAnswer,
): ApiAnswer {
  return db.transaction(
    (tx) => {
      const found = recall(tx, keyed, now)
      if (found.kind === 'replay') return replayed(found.answer.status, found.answer.response)
      if (found.kind === 'mismatch') {
        const message = `This key was used within 24 hours for another request (${found.request}) or body; use a new key`
        return problemAnswer(422, 'idempotency-key-reused', 'Unprocessable Content', message, {
          errors: [{ field: IDEMPOTENCY_HEADER, message }],
        })
      }
      const answer = handle(tx)
      remember(tx, keyed, { status: answer.status, response: stored(answer) }, now)
      return answer
    },
    { behavior: 'immediate' },
  )
}

/**
 * A write of the API: guards, reads the JSON body, and runs `handle` (synchronous) in one short
 * immediate transaction, with the idempotency record when the request carries a key. `prepare`, when
 * given, does the write's network work first (a webhook URL's DNS check), outside any
 * transaction; `handle` receives what it found.
 */
export async function apiWrite<P = undefined>(
  args: RouteArgs,
  scope: ApiScope,
  handle: (body: unknown, context: WriteContext & { prepared: P }) => ApiAnswer,
  allow = 'POST',
  prepare?: (body: unknown) => Promise<P>,
): Promise<Response> {
  const { request } = args
  if (request.method !== 'POST') return methodNotAllowed(request, allow)
  const caller = requireToken(args, scope)
  const text = await bodyText(request)
  const key = idempotencyKey(request)
  const body = parseJson(text)
  const prepared = (prepare ? await prepare(body) : undefined) as P
  const now = nowOf(args.context)
  const db = getDb()
  if (key === null) {
    // One transaction without a key too: the change, its audit entry and its events together,
    // under the write lock (the audit chain is read and extended in the same transaction).
    return toResponse(
      db.transaction((tx) => handle(body, { tx, caller, now, prepared }), {
        behavior: 'immediate',
      }),
    )
  }
  const keyed: KeyedRequest = {
    tokenId: caller.tokenId,
    key,
    request: `POST ${new URL(request.url).pathname}`,
    bodyHash: bodyHash(text),
  }
  return toResponse(idempotent(db, keyed, now, (tx) => handle(body, { tx, caller, now, prepared })))
}
