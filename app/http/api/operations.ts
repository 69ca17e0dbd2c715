// The REST API's endpoints as data (decision 28): path, method, scope, the zod schemas of the
// request and of each answer. The OpenAPI document (openapi.server.ts), the /api/docs page and
// the API test read this list. Registering an endpoint is one entry here (or one spread of a
// list kept beside its routes, such as the webhooks').
import { z } from 'zod'
import type { ApiScope } from '~/domain/api/scopes'
import { CaseListQuerySchema, CaseListSchema, CaseSchema } from './cases-wire'
import { JobQuerySchema, JobSchema, LeadBatchSchema } from './jobs-wire'
import { LeadInputSchema, LeadListSchema, LeadQuerySchema, LeadWrittenSchema } from './leads-wire'
import { OutcomesBodySchema, OutcomesReportSchema } from './outcomes.server'
import { AcceptBodySchema, AcceptedSchema, RejectBodySchema, RejectedSchema } from './sales-wire'
import { WEBHOOK_OPERATIONS } from './webhooks.server'
import { DefinitionSchema, IdParam, ReasonsSchema } from './wire'

/** The errors an endpoint may answer besides those of every endpoint (401, 429, 403 with a scope). */
export type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 422

export type Operation = {
  method: 'get' | 'post'
  /** The OpenAPI path, `{name}` for a parameter. */
  path: string
  summary: string
  description?: string
  /** The scope the token needs; null: any valid token. */
  scope: ApiScope | null
  params?: z.ZodObject
  query?: z.ZodType
  body?: z.ZodType
  responses: Record<number, { description: string; schema: z.ZodType; location?: boolean }>
  errors: ErrorStatus[]
  /** An example request body for the curl example of the docs page. */
  example?: unknown
}

const leadId = z.object({ leadId: IdParam })
const WRITE_ERRORS: ErrorStatus[] = [400, 413, 415, 422]

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/leads',
    summary: 'Create or update a lead',
    description:
      'Keyed by external_id (else email), through the same upsert and checks as the CSV import. A new lead is handed to the rep named in owner, else the next rep in turn, and its follow-up clock starts.',
    scope: 'leads:write',
    body: LeadInputSchema,
    responses: {
      201: { description: 'Created', schema: LeadWrittenSchema, location: true },
      200: { description: 'Updated, or unchanged', schema: LeadWrittenSchema, location: true },
    },
    errors: [...WRITE_ERRORS, 409],
    example: {
      external_id: 'SF-00Q1',
      email: 'ada@example.com',
      company: 'Acme',
      owner: 'dana@brightline.test',
    },
  },
  {
    method: 'get',
    path: '/api/v1/leads',
    summary: 'Find a lead by its external id or e-mail',
    scope: 'leads:read',
    query: LeadQuerySchema,
    responses: {
      200: { description: 'The leads with this key (none or one)', schema: LeadListSchema },
    },
    errors: [422],
  },
  {
    method: 'post',
    path: '/api/v1/leads/batch',
    summary: 'Create or update up to 10,000 leads, as a job',
    description:
      'The job writes the leads in order, a transaction of rows at a time; follow it with GET /api/v1/jobs/{id}.',
    scope: 'leads:write',
    body: LeadBatchSchema,
    responses: { 202: { description: 'Queued', schema: JobSchema, location: true } },
    errors: WRITE_ERRORS,
    example: {
      leads: [{ external_id: 'SF-00Q1' }, { external_id: 'SF-00Q2', email: 'bo@example.com' }],
    },
  },
  {
    method: 'get',
    path: '/api/v1/jobs/{jobId}',
    summary: 'A batch job’s progress and failed rows',
    description: 'Only the token that sent the batch sees its job.',
    scope: null,
    params: z.object({ jobId: IdParam }),
    query: JobQuerySchema,
    responses: { 200: { description: 'The job', schema: JobSchema } },
    errors: [404, 422],
  },
  {
    method: 'get',
    path: '/api/v1/leads/{leadId}',
    summary: 'A lead',
    scope: 'leads:read',
    params: leadId,
    responses: { 200: { description: 'The lead', schema: LeadWrittenSchema.shape.lead } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/leads/{leadId}/accept',
    summary: 'The rep accepts the lead',
    description:
      'As on the lead page: only its owner, an active rep, and only while it is new or returned (else 409).',
    scope: 'leads:write',
    params: leadId,
    body: AcceptBodySchema,
    responses: { 200: { description: 'Accepted: the lead is working', schema: AcceptedSchema } },
    errors: [...WRITE_ERRORS, 404, 409],
    example: { rep_email: 'dana@brightline.test' },
  },
  {
    method: 'post',
    path: '/api/v1/leads/{leadId}/reject',
    summary: 'The rep rejects the lead; a case opens',
    description:
      'As on the lead page: a reason from GET /api/v1/reasons, notes when it requires them, contact attempts (never fewer than logged). Only a new, returned or working lead (else 409).',
    scope: 'leads:write',
    params: leadId,
    body: RejectBodySchema,
    responses: {
      201: { description: 'Rejected: the case', schema: RejectedSchema, location: true },
    },
    errors: [...WRITE_ERRORS, 404, 409],
    example: {
      rep_email: 'dana@brightline.test',
      reason_id: 3,
      notes: 'No budget this year',
      contact_attempts: 2,
    },
  },
  {
    method: 'get',
    path: '/api/v1/cases',
    summary: 'Cases, in the order they last changed',
    description: 'Cursor pagination: follow next_cursor until it is null. Never offsets.',
    scope: 'cases:read',
    query: CaseListQuerySchema,
    responses: { 200: { description: 'A page of cases', schema: CaseListSchema } },
    errors: [422],
  },
  {
    method: 'get',
    path: '/api/v1/cases/{caseId}',
    summary: 'A case, its verdict and the audit hash of the deciding entry',
    scope: 'cases:read',
    params: z.object({ caseId: IdParam }),
    responses: { 200: { description: 'The case', schema: CaseSchema } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/outcomes',
    summary: 'Record outcomes (one or many)',
    description:
      'Each checked as a row of the outcome import: the lead by external_id or email, one with a case, a date not in the future nor before the hand-over; the same outcome on the same day is left unchanged.',
    scope: 'outcomes:write',
    body: OutcomesBodySchema,
    responses: { 200: { description: 'What became of each item', schema: OutcomesReportSchema } },
    errors: WRITE_ERRORS,
    example: { external_id: 'SF-00Q1', outcome: 'bought_elsewhere', occurred_on: '2026-11-20' },
  },
  {
    method: 'get',
    path: '/api/v1/reasons',
    summary: 'The rejection reasons',
    scope: null,
    responses: { 200: { description: 'The reason catalog', schema: ReasonsSchema } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/definition',
    summary: 'The lead definition in force',
    scope: null,
    responses: {
      200: { description: 'The version in force and its criteria', schema: DefinitionSchema },
    },
    errors: [404],
  },
  ...WEBHOOK_OPERATIONS,
]
