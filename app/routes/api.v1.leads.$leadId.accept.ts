// POST /api/v1/leads/{id}/accept: the lead's rep (by e-mail) starts work on it, as on the lead page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { acceptByApi } from '~/http/api/leads.server'
import { apiWrite } from '~/http/api/write.server'
import { apiId, methodNotAllowed } from '~/http/api.server'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'leads:write', (body, context) =>
    acceptByApi(apiId(args.params, 'leadId', 'lead'))(body, context),
  )
}
