// GET /api/v1/webhooks: the endpoints; POST /api/v1/webhooks: register one (201, with its
// signing secret, shown this once). A `webhooks:manage` token (decision 29).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { listEndpoints } from '~/domain/webhooks/endpoints.server'
import { endpointJson } from '~/domain/webhooks/schema'
import { checkRegistration, registerWebhook } from '~/http/api/webhooks.server'
import { apiWrite } from '~/http/api/write.server'
import { apiJson, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'webhooks:manage')
  return apiJson({ webhooks: listEndpoints(getDb()).map(endpointJson) })
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'webhooks:manage', registerWebhook, 'GET, HEAD, POST', checkRegistration)
}
