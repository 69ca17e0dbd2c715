// POST /api/v1/leads/batch: up to 10,000 leads, queued as a job the runner writes (202, with
// the job and its Location, GET /api/v1/jobs/{id}).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { queueLeadBatch } from '~/http/api/leads.server'
import { apiWrite } from '~/http/api/write.server'
import { methodNotAllowed } from '~/http/api.server'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'leads:write', queueLeadBatch)
}
