// Saving the filters and sort a person is looking at under a name (decision 42).
import { and, eq } from 'drizzle-orm'
import { type Result, refuse } from '~/domain/result'
import type { Queryable } from '~db/connection'
import { savedViews } from '~db/schema'
import type { SaveViewInput } from './schema'

/**
 * A new saved view of one of the person's lists, or a refusal naming `name` when they already
 * have a view of that list by that name (names are compared as typed, after trimming; the
 * unique index holds the same rule against a double submit).
 */
export function saveView(
  db: Queryable,
  userId: number,
  input: SaveViewInput,
  now: Date,
): Result<{ view: { id: number; list: SaveViewInput['list']; query: string } }> {
  const taken = db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.userId, userId),
        eq(savedViews.list, input.list),
        eq(savedViews.name, input.name),
      ),
    )
    .get()
  const duplicate = refuse(
    `You already have a view of this list named “${input.name}”. Choose another name.`,
    'name',
  )
  if (taken) return duplicate
  const row = db
    .insert(savedViews)
    .values({ userId, list: input.list, name: input.name, query: input.query, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: savedViews.id })
    .get()
  if (!row) return duplicate
  return { ok: true, view: { id: row.id, list: input.list, query: input.query } }
}
