// The table of a list people work from (decision 42): sortable column headers (links with
// aria-sort, so sorting works without JavaScript) and, on a phone, each row as a stacked card
// with its clock first and no sideways scrolling. Used by /leads, /cases, /review and the rep's
// home queue; each list renders its rows in one place, with `Cell`s.
import { Link, useSearchParams } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'
import { formatCount } from '~/platform/numbers'
import { ariaSortOf, type SortDirection } from '../domain/views/sort'
import { cx } from './ui'

/** A column: its header, and the sort key a click on it orders by (none: not sortable). */
export type ListColumn = { label: string; sort?: string }

type Order = { sort: string; dir: SortDirection }

/** The link of a sort: the same filters, the new order, from the first page. */
export function sortHref(params: URLSearchParams, order: Order): string {
  const next = new URLSearchParams(params)
  next.delete('after')
  next.delete('before')
  next.set('sort', order.sort)
  next.set('dir', order.dir)
  return `?${next}`
}

/**
 * A column's header. A sortable one is a link to the list in the order a click asks for
 * (`next`), and its `aria-sort` says how the list is ordered now.
 */
export function SortHeader({
  label,
  column,
  order,
  next,
}: {
  label: string
  column: string
  order: Order
  next: Order
}) {
  const [params] = useSearchParams()
  const ariaSort = ariaSortOf(order, column)
  const arrow = ariaSort === 'ascending' ? '▲' : ariaSort === 'descending' ? '▼' : '↕'
  const how = next.dir === 'asc' ? 'ascending' : 'descending'
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2 font-medium">
      <Link
        to={sortHref(params, next)}
        className="inline-flex items-center gap-1 text-slate-900 underline decoration-slate-400 hover:text-brand-700"
        preventScrollReset
      >
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {arrow}
        </span>
        <span className="sr-only">, sort {how}</span>
      </Link>
    </th>
  )
}

/**
 * A list's table. On a desktop it is a table; below the `md` breakpoint every row is a card
 * whose cells stack, each with its column's label (see `Cell`), so the page is never wider
 * than the phone.
 */
export function ListTable({
  caption,
  columns,
  order,
  nextOrder,
  children,
}: {
  caption: string
  columns: ListColumn[]
  /** The list's order, when its columns sort. */
  order?: Order
  /** The order a click on a sortable column asks for. */
  nextOrder?: (column: string) => Order
  children: ReactNode
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm md:overflow-x-auto">
      <table className="block w-full text-sm md:table md:min-w-full md:divide-y md:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-left md:table-header-group">
          <tr>
            {columns.map((c, i) =>
              c.sort && order && nextOrder ? (
                <SortHeader
                  key={c.sort}
                  label={c.label}
                  column={c.sort}
                  order={order}
                  next={nextOrder(c.sort)}
                />
              ) : (
                <th key={c.label || i} scope="col" className="px-3 py-2 font-medium">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
          {children}
        </tbody>
      </table>
    </div>
  )
}

/** A row of a ListTable: a card on a phone, a table row on a desktop. */
export function Row({ className, children, ...props }: ComponentProps<'tr'>) {
  return (
    <tr className={cx('flex flex-col gap-1 px-4 py-3 md:table-row md:p-0', className)} {...props}>
      {children}
    </tr>
  )
}

/**
 * A cell of a ListTable row. On a phone it shows its column's `label` before its content
 * (unless `bare`), and `first` puts it at the top of the card (the clock a person works by).
 */
export function Cell({
  label,
  first = false,
  bare = false,
  className,
  children,
  ...props
}: ComponentProps<'td'> & { label: string; first?: boolean; bare?: boolean }) {
  return (
    <td
      className={cx(
        'block min-w-0 [overflow-wrap:anywhere] md:table-cell md:px-3 md:py-2 md:[overflow-wrap:normal]',
        first && 'order-first',
        className,
      )}
      {...props}
    >
      {bare || !label ? null : (
        <span className="mr-1 text-xs font-medium text-slate-600 md:hidden">{label}:</span>
      )}
      {typeof children === 'number' ? formatCount(children) : children}
    </td>
  )
}
