import { z } from 'zod'

/**
 * A keyset cursor, "<ms>-<id>": the sort key and id of the last row of a page. In a query
 * string anything else is no cursor (the first page).
 */
const CURSOR = /^(\d+)-(\d+)$/

export const cursorParam = z.string().regex(CURSOR).optional().catch(undefined)

/** The sort key and id a cursor names, or null for none (or a malformed one). */
export function decodeCursor(cursor: string | undefined): { at: number; id: number } | null {
  const match = cursor?.match(CURSOR)
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null
}
