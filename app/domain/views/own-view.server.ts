// One saved view, if it is the person's own (decision 42): another person's view is as good as
// absent, so the page answers 404 and says nothing of whose it is.
import { and, eq } from 'drizzle-orm'
import type { Queryable } from '~db/connection'
import { savedViews } from '~db/schema'

export function ownView(db: Queryable, userId: number, viewId: number) {
  return (
    db
      .select({
        id: savedViews.id,
        list: savedViews.list,
        name: savedViews.name,
        query: savedViews.query,
      })
      .from(savedViews)
      .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)))
      .get() ?? null
  )
}
