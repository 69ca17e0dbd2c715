// GET /api/v1/cases?status=&updated_since=&cursor=&limit=: cases in the order they last changed,
// a page at a time (`next_cursor`, never offsets).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { casePage } from '~/domain/api/records.server'
import { decodeCursor } from '~/domain/cursor'
import { CaseListQuerySchema, caseJson } from '~/http/api/cases-wire'
import { apiJson, apiQuery, methodNotAllowed, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'cases:read')
  const query = apiQuery(args.request, CaseListQuerySchema)
  const page = casePage(getDb(), {
    status: query.status,
    updatedSince: query.updated_since ? new Date(query.updated_since) : undefined,
    after: decodeCursor(query.cursor),
    limit: query.limit ?? 50,
  })
  return apiJson({
    cases: page.records.map(caseJson),
    next_cursor: page.next ? `${page.next.at}-${page.next.id}` : null,
  })
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
