// GET /api/v1/reasons: the reason catalog, for a CRM that rejects leads through the API. Any
// valid token may read it (decision 27): the reasons are the vocabulary of every other call.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { listReasons } from '~/domain/reasons/reasons.server'
import { apiJson, methodNotAllowed, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, null)
  const reasons = listReasons(getDb()).map((r) => ({
    id: r.id,
    label: r.label,
    criterion_key: r.criterionKey,
    notes_required: r.notesRequired,
    names_working_lead: r.namesWorkingLead,
    active: r.active,
  }))
  return apiJson({ reasons })
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}
