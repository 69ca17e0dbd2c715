// Deleting one of a person's saved views (decision 42).
import { and, eq } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { savedViews } from '~db/schema'

/** The list the deleted view was of, or null when the person has no such view (a 404). */
export function deleteView(db: Queryable, userId: number, viewId: number) {
  return (
    db
      .delete(savedViews)
      .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)))
      .returning({ list: savedViews.list })
      .get() ?? null
  )
}
