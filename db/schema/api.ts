import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './people'

// API tokens (issue 17, decision 27): the secret is kept only as its SHA-256 hash; the short
// public prefix finds the row and is what the list shows.
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    // Null when made by `npm run api-token`.
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    ratePerMinute: integer('rate_per_minute').notNull().default(600),
  },
  (t) => [
    uniqueIndex('api_tokens_prefix_unique').on(t.prefix),
    index('api_tokens_created_at').on(t.createdAt),
  ],
)
