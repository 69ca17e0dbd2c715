import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './people'

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
})
