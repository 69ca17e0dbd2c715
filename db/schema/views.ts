import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { SAVED_VIEW_LISTS } from '../enums'
import { users } from './people'

// A person's saved views (issue 19, decision 42): a named set of filters and a sort on one of
// the lists people work from, kept as the list's query string (the URL is the source of truth).
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    list: text('list', { enum: SAVED_VIEW_LISTS }).notNull(),
    name: text('name').notNull(),
    // The list's query string without its page cursors, e.g. "status=new&sort=handedOver&dir=asc".
    query: text('query').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // One name per person and list; the menu lists a person's views of a list by name.
    uniqueIndex('saved_views_user_list_name_unique').on(t.userId, t.list, t.name),
  ],
)
