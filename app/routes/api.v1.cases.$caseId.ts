// GET /api/v1/cases/{id}: one case, with its verdict and the audit hash of the deciding entry.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { findCaseRecord } from '~/domain/api/records.server'
import { caseJson } from '~/http/api/cases-wire'
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
  requireToken(args, 'cases:read')
  const id = apiId(args.params, 'caseId', 'case')
  const found = findCaseRecord(getDb(), id)
  return found ? apiJson(caseJson(found)) : toResponse(notFound(`No case has the id ${id}.`))
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
