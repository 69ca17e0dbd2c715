import { sql } from 'drizzle-orm'
import { integer } from 'drizzle-orm/sqlite-core'

/** A row's creation time, set by the database. */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

/** A list of values for a CHECK constraint's IN (…). */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))
