// The filters of a list that apply as they change (decision 42): a GET form whose changes are
// submitted ~300 ms after the last one with Remix's useSubmit, replacing the history entry, so
// the URL stays the source of truth. Apply stays for a browser without JavaScript. On a phone
// the fields can fold into a "Filters (n active)" button, so the list comes first.
import { Form, useSearchParams, useSubmit } from '@remix-run/react'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { cx, FilterActions } from './ui'

export const LIVE_FILTER_DELAY_MS = 300

// Query keys that are not filters: the order (kept by hidden fields) and the page cursors.
const NOT_FILTERS = new Set(['sort', 'dir', 'after', 'before', 'queue'])

/** How many filters the URL sets (an empty value is "any"). */
export function activeFilterCount(params: URLSearchParams, ignore: string[] = []): number {
  let n = 0
  for (const [key, value] of params)
    if (!NOT_FILTERS.has(key) && !ignore.includes(key) && value.trim() !== '') n += 1
  return n
}

export function LiveFilterForm({
  label,
  clearTo,
  foldOnPhone = false,
  ignoreInCount = [],
  children,
}: {
  label: string
  clearTo: string
  /** Fold the fields behind a "Filters (n active)" button below the `md` breakpoint. */
  foldOnPhone?: boolean
  /** Query keys the count leaves out (a choice of scope that is not a narrowing filter). */
  ignoreInCount?: string[]
  children: ReactNode
}) {
  const submit = useSubmit()
  const [params] = useSearchParams()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [hydrated, setHydrated] = useState(false)
  const [open, setOpen] = useState(false)
  const panelId = useId()
  useEffect(() => {
    setHydrated(true)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      submit(form, { replace: true, preventScrollReset: true })
    }, LIVE_FILTER_DELAY_MS)
  }
  const active = activeFilterCount(params, ignoreInCount)
  // Folded only once the page's script runs: without it every field shows, with Apply.
  const folded = foldOnPhone && hydrated && !open
  return (
    <Form
      method="get"
      role="search"
      aria-label={label}
      onChange={onChange}
      onSubmit={() => {
        if (timer.current) clearTimeout(timer.current)
      }}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      {foldOnPhone && hydrated ? (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          className="flex w-full items-center justify-between text-sm font-medium text-slate-900 md:hidden"
        >
          <span>Filters ({active} active)</span>
          <span aria-hidden="true">{open ? '▲' : '▼'}</span>
        </button>
      ) : null}
      <div
        id={panelId}
        className={cx(
          'gap-3 md:grid md:grid-cols-4',
          folded ? 'hidden' : 'grid',
          foldOnPhone && hydrated && 'mt-3 md:mt-0',
        )}
      >
        {params.get('sort') ? (
          <input type="hidden" name="sort" value={params.get('sort') ?? ''} />
        ) : null}
        {params.get('dir') ? (
          <input type="hidden" name="dir" value={params.get('dir') ?? ''} />
        ) : null}
        {children}
        <FilterActions clearTo={clearTo} />
      </div>
    </Form>
  )
}
