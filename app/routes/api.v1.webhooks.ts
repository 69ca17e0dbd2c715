// GET /api/v1/webhooks: the endpoints; POST /api/v1/webhooks: register one (201, with its
// signing secret, shown this once). A `webhooks:manage` token (decision 29); the body is JSON
// checked with WebhookEndpointSchema, the same schema as the admin page's form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getEndpoint, listEndpoints, registerEndpoint } from '~/domain/webhooks/endpoints.server'
import { endpointJson, WebhookEndpointSchema } from '~/domain/webhooks/schema'
import { apiJson, methodNotAllowed, problem, requireToken } from '~/http/api.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'webhooks:manage')
  return apiJson({ webhooks: listEndpoints(getDb()).map(endpointJson) })
}

/** A 422 naming each field that was wrong. */
function invalid(fieldErrors: Record<string, string[] | undefined>): Response {
  const detail = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${(messages ?? []).join(' ')}`)
    .join('; ')
  return problem(422, 'validation', 'Unprocessable Content', detail)
}

// A write: when merged, the lead engineer wraps it in apiWrite(args, 'webhooks:manage', …)
// (idempotency and rate limit, decision 28); until then it guards with requireToken.
export async function action(args: ActionFunctionArgs) {
  const { request } = args
  if (request.method !== 'POST') return methodNotAllowed(request, 'GET, HEAD, POST')
  const caller = requireToken(args, 'webhooks:manage')
  if (!request.headers.get('Content-Type')?.toLowerCase().startsWith('application/json'))
    return problem(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      'Send the body as application/json.',
    )
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return problem(400, 'malformed-json', 'Bad Request', 'The body is not valid JSON.')
  }
  const parsed = WebhookEndpointSchema.safeParse(body)
  if (!parsed.success) {
    const errors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : 'body'
      errors[field] = [...(errors[field] ?? []), issue.message]
    }
    return invalid(errors)
  }
  const db = getDb()
  const actor = { userId: null, tokenId: caller.tokenId }
  const done = await registerEndpoint(db, actor, parsed.data, nowOf(args.context))
  if (!done.ok) return invalid(done.fieldErrors)
  const endpoint = getEndpoint(db, done.endpointId)
  if (!endpoint) throw new Error('The endpoint just registered is gone')
  return apiJson({ ...endpointJson(endpoint), secret: done.secret }, 201)
}
