// GET /api/v1/jobs/{id}: a batch job's progress, counters and a page of the rows that failed
// (`errors_cursor`, `errors_limit`). Only the token that sent the batch sees it; others get 404.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getApiJob } from '~/domain/api/lead-batches.server'
import { JobQuerySchema, jobJson } from '~/http/api/jobs-wire'
import {
  apiId,
  apiJson,
  apiQuery,
  methodNotAllowed,
  notFound,
  requireToken,
  toResponse,
} from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  const caller = requireToken(args, null)
  const id = apiId(args.params, 'jobId', 'job')
  const query = apiQuery(args.request, JobQuerySchema)
  const found = getApiJob(getDb(), caller.tokenId, id, {
    after: Number(query.errors_cursor ?? 0),
    limit: query.errors_limit ?? 100,
  })
  if (!found) return toResponse(notFound(`This token has no job with the id ${id}.`))
  return apiJson(jobJson(found.job, found.errors, found.more))
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
