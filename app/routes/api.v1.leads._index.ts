// POST /api/v1/leads: create or update one lead, keyed by its external id (or e-mail), through
// the import's upsert and checks (201 created, 200 updated or unchanged).
// GET /api/v1/leads?external_id=… (or ?email=…): the lead with this key, as a list of none or one.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { findLeadRecord, type LeadRecord } from '~/domain/api/records.server'
import { writeLead } from '~/http/api/leads.server'
import { LeadQuerySchema, leadJson } from '~/http/api/leads-wire'
import { apiWrite } from '~/http/api/write.server'
import { apiJson, apiQuery, requireToken } from '~/http/api.server'
import { getDb } from '~/platform/db.server'

export function loader(args: LoaderFunctionArgs) {
  requireToken(args, 'leads:read')
  const query = apiQuery(args.request, LeadQuerySchema)
  const found = findLeadRecord(
    getDb(),
    query.external_id ? { externalId: query.external_id } : { email: query.email ?? '' },
  )
  return apiJson({ leads: [found].filter((r): r is LeadRecord => r !== null).map(leadJson) })
}

export function action(args: ActionFunctionArgs) {
  return apiWrite(args, 'leads:write', writeLead, 'GET, HEAD, POST')
}
