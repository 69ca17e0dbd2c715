// The views a person saved of one list, by name, for the list's views menu (decision 42).
import { and, asc, eq } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import type { SavedViewList } from '~db/enums'
import { savedViews } from '~db/schema'

export function viewsOf(db: Queryable, userId: number, list: SavedViewList) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .all()
}
