// POST /api/v1/webhooks/{id}/disable: stops an endpoint (the API's way to remove one: the server
// refuses DELETE). 200 with the endpoint; 409 when it is disabled already.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { disableEndpoint, getEndpoint } from '~/domain/webhooks/endpoints.server'
import { endpointJson } from '~/domain/webhooks/schema'
import { apiJson, methodNotAllowed, problem, requireToken } from '~/http/api.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { endpointOf } from './api.v1.webhooks.$endpointId'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

// A write: when merged, the lead engineer wraps it in apiWrite(args, 'webhooks:manage', …)
// (idempotency and rate limit, decision 28); until then it guards with requireToken.
export function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'POST') return methodNotAllowed(args.request, 'POST')
  const caller = requireToken(args, 'webhooks:manage')
  const endpoint = endpointOf(args.params)
  const db = getDb()
  const actor = { userId: null, tokenId: caller.tokenId }
  const done = disableEndpoint(db, actor, endpoint.id, nowOf(args.context))
  if (!done.ok)
    return problem(409, 'conflict', 'Conflict', Object.values(done.fieldErrors).flat().join(' '))
  const after = getEndpoint(db, endpoint.id)
  return apiJson(after ? endpointJson(after) : null)
}
