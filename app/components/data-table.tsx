// The data table of a page (a report's figures, a settings list): one look, a caption for screen
// readers, and sideways scrolling kept inside a region a keyboard reaches (decision 47). The lists
// people work from use ListTable (list-table.tsx), cards on a phone.
import type { ComponentProps, ReactNode } from 'react'
import { formatCount } from '~/platform/numbers'
import { cx } from './ui'

/**
 * A data table with a caption for screen readers and a header row. Wider than its place (a
 * phone), it scrolls sideways inside a region a keyboard can reach and a screen reader names by
 * the caption (decision 47).
 */
export function Table({
  caption,
  columns,
  children,
}: {
  caption: string
  columns: string[]
  children: ReactNode
}) {
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </section>
  )
}

/** A table cell; one holding a number shows it as people read it ("1,757"). */
export function Td({ className, children, ...props }: ComponentProps<'td'>) {
  return (
    <td className={cx('px-3 py-2', className)} {...props}>
      {typeof children === 'number' ? formatCount(children) : children}
    </td>
  )
}
