// Reading a list's query string at the edge (decision 42): filters that do not parse are
// dropped as before (each has its own `.catch`), while a sort or direction the list does not
// offer is a 400 that names the field, in the shape the report pages use ("sort: must be …").
import type { z } from 'zod'
import type { SavedViewList } from '~db/enums'
import { withLegacySort } from '../domain/views/sort'
import { queryOf } from './query'

/** The parsed query of a list page, or a thrown plain-text 400 naming the first bad field. */
export function readListQuery<S extends z.ZodType>(
  request: Request,
  list: SavedViewList,
  schema: S,
): z.output<S> {
  const parsed = schema.safeParse(withLegacySort(list, queryOf(request)))
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue ? String(issue.path[0] ?? 'form') : 'form'
  throw new Response(`${field}: ${issue?.message ?? 'is not valid'}`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** A list's query string as a saved view keeps it: without its page cursors. */
export function viewQueryOf(search: URLSearchParams | string): string {
  const params = new URLSearchParams(search)
  params.delete('after')
  params.delete('before')
  params.delete('queue')
  for (const [key, value] of [...params]) if (value.trim() === '') params.delete(key, value)
  return params.toString()
}
