// A person's saved views of a list (decision 42): open one, delete one, or save the filters and
// sort shown under a name. Saving posts to /views (a fetcher, so a refused name is told here);
// opening is a link to /views/<id>, which goes to the list with the view's query.
import { Form, Link, useFetcher, useSearchParams } from '@remix-run/react'
import { useId } from 'react'
import type { action as saveViewAction } from '~/routes/views._index'
import type { SavedViewList } from '~db/enums'
import { VIEW_NAME_MAX } from '../domain/views/schema'
import { Button, inputClass } from './ui'

export type SavedView = { id: number; name: string; query: string }

/** The query a view keeps of the URL: without page cursors or empty values. */
function keptQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams()
  for (const [key, value] of params)
    if (!['after', 'before', 'queue'].includes(key) && value.trim() !== '') kept.append(key, value)
  return kept.toString()
}

export function ViewsMenu({ list, views }: { list: SavedViewList; views: SavedView[] }) {
  const [params] = useSearchParams()
  const fetcher = useFetcher<typeof saveViewAction>()
  const nameId = useId()
  const errorId = useId()
  const current = keptQuery(params)
  const nameErrors = fetcher.data?.result?.error?.name ?? []
  const otherErrors = Object.entries(fetcher.data?.result?.error ?? {})
    .filter(([field]) => field !== 'name')
    .flatMap(([, messages]) => messages ?? [])
  const errors = [...nameErrors, ...otherErrors]
  return (
    <section
      aria-labelledby={`${nameId}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <h2 id={`${nameId}-heading`} className="font-medium text-slate-900">
        Your saved views
      </h2>
      {views.length === 0 ? (
        <p className="mt-1 text-slate-600">
          None yet. Choose filters and a sort, then save them under a name.
        </p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2">
          {views.map((v) => (
            <li
              key={v.id}
              className="flex items-center gap-1 rounded-full border border-slate-300 py-1 pr-1 pl-3"
            >
              <Link
                to={`/views/${v.id}`}
                aria-current={v.query === current ? 'true' : undefined}
                className="text-brand-700 underline aria-[current=true]:font-semibold"
              >
                {v.name}
              </Link>
              <Form method="post" action={`/views/${v.id}`}>
                <input type="hidden" name="intent" value="delete-view" />
                <button
                  type="submit"
                  aria-label={`Delete the view ${v.name}`}
                  className="rounded-full px-2 text-slate-600 hover:bg-slate-100 hover:text-red-800"
                >
                  ×
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <fetcher.Form method="post" action="/views" className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="list" value={list} />
        <input type="hidden" name="query" value={current} />
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <label htmlFor={nameId} className="mb-1 block font-medium">
            Save these filters and sort as
          </label>
          <input
            id={nameId}
            name="name"
            required
            maxLength={VIEW_NAME_MAX}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errors.length ? errorId : undefined}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={fetcher.state !== 'idle'}>
          {fetcher.state === 'idle' ? 'Save view' : 'Saving…'}
        </Button>
        {errors.length ? (
          <p id={errorId} role="alert" className="w-full text-red-800">
            {errors.join(' ')}
          </p>
        ) : null}
      </fetcher.Form>
    </section>
  )
}
