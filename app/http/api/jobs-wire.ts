// The API's batch job: what `POST /api/v1/leads/batch` takes and answers, and
// `GET /api/v1/jobs/{id}` (progress, counters, and the rows that failed, a page at a time).
import { z } from 'zod'
import { type ApiJob, type ApiJobError, MAX_BATCH_ROWS } from '~/domain/api/lead-batches.server'
import { API_JOB_STATUSES } from '~db/enums'
import { Instant, NextCursor } from './wire'

export const LeadBatchSchema = z
  .strictObject({
    leads: z
      .array(
        z.unknown().meta({ description: 'A LeadInput; each is checked when the job writes it' }),
      )
      .min(1, 'Send at least one lead')
      .max(
        MAX_BATCH_ROWS,
        `Send at most ${MAX_BATCH_ROWS.toLocaleString('en')} leads in one batch`,
      ),
  })
  .meta({
    id: 'LeadBatch',
    description: `Up to ${MAX_BATCH_ROWS.toLocaleString('en')} leads (LeadInput objects), written in order by the job`,
  })

export const JobErrorSchema = z
  .object({
    row: z.int().meta({ description: 'The row’s index in `leads`, from 0' }),
    field: z.string().nullable(),
    message: z.string(),
    identifier: z.string().nullable().meta({ description: 'The row’s external_id or email' }),
  })
  .meta({ id: 'JobError' })

export const JobSchema = z
  .object({
    id: z.int(),
    kind: z.string(),
    status: z.enum(API_JOB_STATUSES),
    total: z.int(),
    done: z.int().meta({ description: 'Rows written or failed so far' }),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    failed: z.int(),
    created_at: Instant,
    started_at: Instant.nullable(),
    finished_at: Instant.nullable(),
    error: z.string().nullable(),
    errors: z.array(JobErrorSchema).meta({ description: 'A page of the rows that failed' }),
    next_errors_cursor: NextCursor.meta({
      description: 'Pass as `errors_cursor` for the next page of errors; null on the last',
    }),
  })
  .meta({ id: 'Job' })

export const JobQuerySchema = z.strictObject({
  errors_cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'This is not a cursor the API gave; start again without it')
    .optional(),
  errors_limit: z.coerce
    .number<string>({ error: 'Give errors_limit as a whole number from 1 to 1000' })
    .int('Give errors_limit as a whole number from 1 to 1000')
    .min(1, 'Give errors_limit as a whole number from 1 to 1000')
    .max(1000, 'Give errors_limit as a whole number from 1 to 1000')
    .optional(),
})

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function jobJson(
  job: Omit<ApiJob, 'input'>,
  errors: ApiJobError[],
  more: boolean,
): z.infer<typeof JobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    total: job.total,
    done: job.done,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    created_at: job.createdAt.toISOString(),
    started_at: iso(job.startedAt),
    finished_at: iso(job.finishedAt),
    error: job.error,
    errors: errors.map((e) => ({
      row: e.row,
      field: e.field,
      message: e.message,
      identifier: e.identifier,
    })),
    next_errors_cursor: more && errors.length > 0 ? String(errors.at(-1)?.id) : null,
  }
}
