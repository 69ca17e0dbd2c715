// GET /api/v1/webhooks/{id}: one endpoint and its recent deliveries (a `webhooks:manage` token).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { recentDeliveries } from '~/domain/webhooks/deliveries.server'
import { getEndpoint } from '~/domain/webhooks/endpoints.server'
import { endpointJson } from '~/domain/webhooks/schema'
import { apiJson, methodNotAllowed, problem, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

const ID = /^[1-9][0-9]{0,14}$/

/** The endpoint the path names, or a 404 problem. */
export function endpointOf(params: Record<string, string | undefined>) {
  const text = params.endpointId ?? ''
  const endpoint = ID.test(text) ? getEndpoint(getDb(), Number(text)) : undefined
  if (!endpoint)
    throw problem(404, 'not-found', 'Not Found', `There is no webhook endpoint ${text}.`)
  return endpoint
}

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'webhooks:manage')
  const endpoint = endpointOf(args.params)
  const deliveries = recentDeliveries(getDb(), endpoint.id).map((d) => ({
    id: d.id,
    event_type: d.eventType,
    webhook_id: d.messageId,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_duration_ms: d.lastDurationMs,
    last_error: d.lastError,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
  }))
  return apiJson({ ...endpointJson(endpoint), deliveries })
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
