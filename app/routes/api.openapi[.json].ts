// GET /api/openapi.json: the OpenAPI 3.1 document of the REST API (no token needed).
import type { ActionFunctionArgs } from '@remix-run/node'
import { openApiDocument } from '~/http/api/openapi.server'
import { apiJson, methodNotAllowed } from '~/http/api.server'

export function loader() {
  return apiJson(openApiDocument())
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
