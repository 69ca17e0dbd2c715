// The OpenAPI 3.1 document of the REST API (decision 28), generated with zod-openapi from the
// very zod schemas the routes validate with (operations.ts); served at /api/openapi.json and
// rendered by /api/docs.
import { z } from 'zod'
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi'
import { type ErrorStatus, OPERATIONS, type Operation } from './operations'
import { ProblemSchema } from './wire'
import { IDEMPOTENCY_HEADER } from './write.server'

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad Request: the body is not JSON, or the Idempotency-Key header is not a key',
  401: 'Unauthorized: no token, or a token that is malformed, unknown, revoked or expired',
  403: 'Forbidden: the token lacks the scope (or the rep does not own the lead)',
  404: 'Not Found: no such record (an id not written as digits without leading zeros names none)',
  409: 'Conflict: the record is not in a state that allows this',
  413: 'Content Too Large: the body holds more than 16 MB',
  415: 'Unsupported Media Type: send Content-Type: application/json',
  422: 'Unprocessable Content: a field is wrong (see errors), or the Idempotency-Key was used for another request',
  429: 'Too Many Requests: past the token’s rate a minute; retry after Retry-After seconds',
}

const problemResponse = (status: number) => ({
  description: ERROR_TEXT[status] ?? 'A problem',
  content: { 'application/problem+json': { schema: ProblemSchema } },
  ...(status === 429
    ? { headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait' }) }) }
    : {}),
})

/** Every status an operation may answer with a problem: its own, and those of every endpoint. */
export function errorStatuses(op: Operation): number[] {
  const all: number[] = [401, ...(op.scope ? [403] : []), ...op.errors, 429]
  return [...new Set<number>(all)].sort((a, b) => a - b)
}

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {}
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      content: { 'application/json': { schema: r.schema } },
      ...(r.location
        ? {
            headers: z.object({
              Location: z.string().meta({ description: 'The record’s address' }),
            }),
          }
        : {}),
    }
  }
  for (const status of errorStatuses(op)) responses[String(status)] = problemResponse(status)
  const scope = op.scope ? `Scope: \`${op.scope}\`.` : 'Any valid token.'
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[/_-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    description: [op.description, scope].filter(Boolean).join('\n\n'),
    tags: [op.path.split('/')[3] ?? 'api'],
    'x-scope': op.scope,
    requestParams: {
      ...(op.params ? { path: op.params } : {}),
      ...(op.query ? { query: op.query as z.ZodObject } : {}),
      ...(op.method === 'post'
        ? {
            header: z.object({
              [IDEMPOTENCY_HEADER]: z.string().min(1).max(255).optional().meta({
                description:
                  'Any 1–255 printable characters (a UUID): the same key and body within 24 hours gets the first answer again, marked Idempotent-Replayed: true',
              }),
            }),
          }
        : {}),
    },
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: op.body,
                ...(op.example ? { example: op.example } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  }
}

let built: ReturnType<typeof createDocument> | undefined

/** The document (built once: the schemas do not change while the server runs). */
export function openApiDocument() {
  if (built) return built
  const paths: ZodOpenApiPathsObject = {}
  for (const op of OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) }
  }
  built = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Leadcourt REST API',
      version: '1',
      description:
        'Push leads in, accept and reject them as their rep, read cases and verdicts, record outcomes. Send `Authorization: Bearer <token>` (tokens are made by an admin under API tokens, or `npm run api-token`). Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'lc_<prefix>_<secret>' },
      },
    },
    paths,
  })
  return built
}

export type { ErrorStatus }
