import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { IMPORT_STATUSES } from '../enums'
import { users } from './people'

export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    fileSize: integer('file_size').notNull(),
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>(),
    // What the rows' dates, statuses and age mean (app/domain/import/options.ts).
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    linesDone: integer('lines_done').notNull().default(0),
    bytesDone: integer('bytes_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    delimiter: text('delimiter').notNull().default(','),
    encoding: text('encoding').notNull().default('utf8'),
    preview: text('preview', { mode: 'json' }).$type<unknown>(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    error: text('error'),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
)

export const importErrors = sqliteTable(
  'import_errors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    identifier: text('identifier'),
  },
  (t) => [index('import_errors_job_idx').on(t.jobId, t.line)],
)

/** The column mapping last used for a given set of headers, offered again for the next file. */
export const importMappings = sqliteTable('import_mappings', {
  headersKey: text('headers_key').primaryKey(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  options: text('options', { mode: 'json' }).$type<Record<string, unknown>>(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})
