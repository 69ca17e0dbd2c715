// GET /api/v1/leads/{id}: one lead (a malformed id such as 007 names nothing: 404).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { findLeadRecord } from '~/domain/api/records.server'
import { leadJson } from '~/http/api/leads-wire'
import {
  apiId,
  apiJson,
  methodNotAllowed,
  notFound,
  requireToken,
  toResponse,
} from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'leads:read')
  const id = apiId(args.params, 'leadId', 'lead')
  const found = findLeadRecord(getDb(), { id })
  return found ? apiJson(leadJson(found)) : toResponse(notFound(`No lead has the id ${id}.`))
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
