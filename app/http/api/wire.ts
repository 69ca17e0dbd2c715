// The shapes the REST API sends and receives (issue 17, decision 28), as zod schemas: the
// routes validate requests with them, the OpenAPI document (openapi.server.ts) is generated
// from them, and the API test checks every real answer against them. JSON is snake_case.
import 'zod-openapi'
import { z } from 'zod'

export const FieldErrorSchema = z
  .object({
    field: z.string().meta({
      description:
        'Where the error is: a field of the body (`leads[3].email`), a query parameter or a header',
    }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' })

export const ProblemSchema = z
  .object({
    type: z.string().meta({
      description: 'A path naming the kind of problem',
      example: '/api/problems/validation',
    }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional().meta({
      description: 'On a 400 or 422: what is wrong, field by field',
    }),
  })
  .meta({ id: 'Problem', description: 'An error, as application/problem+json (RFC 9457)' })

/** A record's id in a path: digits, as the app writes them (`/leads/007` is a 404). */
export const IdParam = z
  .string()
  .regex(/^[1-9][0-9]*$/)
  .meta({ description: 'A positive whole number, written without leading zeros', example: '42' })

/** An instant as the API writes it: ISO 8601 in UTC. */
export const Instant = z.iso.datetime().meta({ example: '2026-11-28T09:30:00.000Z' })

export const RepSchema = z
  .object({ id: z.int(), email: z.string(), name: z.string() })
  .meta({ id: 'Rep', description: 'A person of the team' })

/** A page's pointer to the next: opaque, null on the last page. */
export const NextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null on the last page' })

export const LimitParam = z.coerce
  .number<string>({ error: 'Give the limit as a whole number from 1 to 200' })
  .int('Give the limit as a whole number from 1 to 200')
  .min(1, 'Give the limit as a whole number from 1 to 200')
  .max(200, 'Give the limit as a whole number from 1 to 200')
  .default(50)
  .meta({ description: 'How many per page, 1–200 (default 50)' })

export const ReasonsSchema = z
  .object({
    reasons: z.array(
      z.object({
        id: z.int(),
        label: z.string(),
        criterion_key: z.string().nullable(),
        notes_required: z.boolean(),
        names_working_lead: z.boolean(),
        active: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Reasons' })

export const DefinitionSchema = z
  .object({
    version: z.int(),
    activated_at: Instant.nullable(),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        description: z.string().nullable(),
        field: z.string(),
        operator: z.string(),
        value: z.unknown(),
        required: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Definition' })
