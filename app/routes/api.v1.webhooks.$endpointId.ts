// GET /api/v1/webhooks/{id}: one endpoint and its recent deliveries (a `webhooks:manage` token).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { webhookDetail } from '~/http/api/webhooks.server'
import { methodNotAllowed, requireToken, toResponse } from '~/http/api.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'webhooks:manage')
  return toResponse(webhookDetail(args.params))
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
