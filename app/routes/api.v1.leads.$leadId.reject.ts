// POST /api/v1/leads/{id}/reject: the lead's rep (by e-mail) rejects it with a reason; a case
// opens (201, with the case and its Location), as on the lead page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { rejectByApi } from '~/http/api/leads.server'
import { apiWrite } from '~/http/api/write.server'
import { apiId, methodNotAllowed } from '~/http/api.server'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'leads:write', (body, context) =>
    rejectByApi(apiId(args.params, 'leadId', 'lead'))(body, context),
  )
}
