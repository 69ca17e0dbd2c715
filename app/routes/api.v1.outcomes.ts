// POST /api/v1/outcomes: one outcome or an array, each checked as a row of the outcome import.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { recordOutcomes } from '~/http/api/outcomes.server'
import { apiWrite } from '~/http/api/write.server'
import { methodNotAllowed } from '~/http/api.server'

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, 'POST')
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'outcomes:write', recordOutcomes)
}
