// GET /api/v1/definition: the version of the lead definition in force and its criteria. Any
// valid token may read it (decision 27).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getActiveVersion } from '~/domain/definition/versions.server'
import { apiJson, methodNotAllowed, problem, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, null)
  const version = getActiveVersion(getDb())
  if (!version)
    return problem(404, 'not-found', 'Not Found', 'No version of the lead definition is in force.')
  return apiJson({
    version: version.number,
    activated_at: version.activatedAt?.toISOString() ?? null,
    criteria: version.criteria.map((c) => ({
      key: c.key,
      label: c.label,
      description: c.description,
      field: c.field,
      operator: c.operator,
      value: c.value,
      required: c.required,
    })),
  })
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
