// The orders the lists people work from offer (decision 42): only orders an index serves at a
// million leads, each with its own direction, read from `sort` and `dir` in the URL. Shared by
// the loaders (the zod shape), the column headers (the next order a click asks for) and saved
// views. Nothing here knows HTTP or the database.
import { z } from 'zod'
import type { SavedViewList } from '~db/enums'

export type SortDirection = 'asc' | 'desc'

type ListSorts = {
  /** Each sortable column's key, its header and the direction a first click asks for. */
  columns: Record<string, { label: string; firstDir: SortDirection }>
  /** The order the list shows when the URL names none. */
  default: { sort: string; dir: SortDirection }
}

export const LIST_SORTS = {
  // leads_*_idx are (filter, handed_over_at, id): every filter walks its index either way.
  leads: {
    columns: { handedOver: { label: 'Handed over', firstDir: 'desc' } },
    default: { sort: 'handedOver', dir: 'desc' },
  },
  // cases_*_idx are (filter, opened_at, id): the same.
  cases: {
    columns: { opened: { label: 'Opened', firstDir: 'desc' } },
    default: { sort: 'opened', dir: 'desc' },
  },
  // cases_review_idx (status, review_due_at, id) and, from migration 0029,
  // cases_open_opened_idx (status, opened_at, id) WHERE status = 'in_review'.
  review: {
    columns: {
      reviewDue: { label: 'Review clock', firstDir: 'asc' },
      opened: { label: 'Opened', firstDir: 'asc' },
    },
    default: { sort: 'reviewDue', dir: 'asc' },
  },
} as const satisfies Record<SavedViewList, ListSorts>

export type SortKey<L extends SavedViewList> = keyof (typeof LIST_SORTS)[L]['columns'] & string

/** An order on a list: a column of it and a direction. */
export type ListOrder<L extends SavedViewList> = { sort: SortKey<L>; dir: SortDirection }

const sortKeys = <L extends SavedViewList>(list: L) =>
  Object.keys(LIST_SORTS[list].columns) as [SortKey<L>, ...SortKey<L>[]]

// Links made before decision 42 ordered the lead list with `sort=newest` or `sort=oldest`.
const LEGACY_LEAD_SORTS: Record<string, { sort: string; dir: SortDirection }> = {
  newest: { sort: 'handedOver', dir: 'desc' },
  oldest: { sort: 'handedOver', dir: 'asc' },
}

/**
 * The zod fields `sort` and `dir` of a list's query. An unknown column or direction is refused
 * (a 400 that names the field), not quietly replaced: a link that asks for an order the list
 * cannot serve should say so.
 */
export function sortFields<L extends SavedViewList>(list: L) {
  const keys = sortKeys(list)
  return {
    sort: z
      .enum(keys, { message: `must be one of ${keys.join(', ')}` })
      .optional()
      .transform((key) => key ?? (LIST_SORTS[list].default.sort as SortKey<L>)),
    dir: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).optional(),
  }
}

/** A list's query string values with the lead list's old `sort=newest|oldest` read anew. */
export function withLegacySort(
  list: SavedViewList,
  query: Record<string, string>,
): Record<string, string> {
  const legacy = list === 'leads' ? LEGACY_LEAD_SORTS[query.sort ?? ''] : undefined
  return legacy ? { ...query, sort: legacy.sort, dir: query.dir ?? legacy.dir } : query
}

/** The order a list shows: the column asked for, in the direction asked for or its first one. */
export function orderOf<L extends SavedViewList>(
  list: L,
  asked: { sort: SortKey<L>; dir?: SortDirection },
): ListOrder<L> {
  const column = (LIST_SORTS[list].columns as ListSorts['columns'])[asked.sort]
  return { sort: asked.sort, dir: asked.dir ?? column?.firstDir ?? LIST_SORTS[list].default.dir }
}

/**
 * The order a click on a column's header asks for: the same column the other way round when
 * it is the list's order, else the column in its first direction.
 */
export function nextOrder<L extends SavedViewList>(
  list: L,
  current: ListOrder<L>,
  column: SortKey<L>,
): ListOrder<L> {
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return orderOf(list, { sort: column })
}

/** What aria-sort says of a column's header under an order. */
export function ariaSortOf(
  order: { sort: string; dir: SortDirection },
  column: string,
): 'ascending' | 'descending' | 'none' {
  if (order.sort !== column) return 'none'
  return order.dir === 'asc' ? 'ascending' : 'descending'
}
