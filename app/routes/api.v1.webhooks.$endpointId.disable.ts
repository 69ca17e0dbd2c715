// POST /api/v1/webhooks/{id}/disable: stops an endpoint (the API's way to remove one: the server
// refuses DELETE). 200 with the endpoint; 409 when it is disabled already.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { disableWebhook } from '~/http/api/webhooks.server'
import { apiWrite } from '~/http/api/write.server'
import { apiId, methodNotAllowed } from '~/http/api.server'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'webhooks:manage', (body, context) =>
    disableWebhook(apiId(args.params, 'endpointId', 'webhook endpoint'))(body, context),
  )
}
