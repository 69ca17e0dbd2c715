// Bulk actions on a list (decision 43): a checkbox per row, "Select all on this page", and a bar
// with the actions; the checkboxes belong to the bar's form by its id (`form=`), so they can sit
// in the table's cells. After the action, what was done and what was refused, and why.
import { Form } from '@remix-run/react'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import type { BulkOutcome } from '~/domain/bulk/bulk'
import type { ActionReply } from '~/http/reply'

type Selection = {
  formId: string
  name: string
  ids: number[]
  selected: ReadonlySet<number>
  toggle: (id: number, on: boolean) => void
  setAll: (on: boolean) => void
}

const SelectionContext = createContext<Selection | null>(null)

function useSelection(): Selection {
  const selection = useContext(SelectionContext)
  if (!selection) throw new Error('Use inside <BulkSelection>')
  return selection
}

/**
 * The selection of a page's rows: `ids` are the rows shown, `name` the field each checkbox sends
 * (`leadId`, `caseId`). A new page (other ids) starts with nothing selected.
 */
export function BulkSelection({
  formId,
  name,
  ids,
  children,
}: {
  formId: string
  name: string
  ids: number[]
  children: ReactNode
}) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const key = ids.join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page of rows clears the selection
  useEffect(() => setSelected(new Set()), [key])
  const value: Selection = {
    formId,
    name,
    ids,
    selected,
    toggle: (id, on) =>
      setSelected((now) => {
        const next = new Set(now)
        if (on) next.add(id)
        else next.delete(id)
        return next
      }),
    setAll: (on) => setSelected(on ? new Set(ids) : new Set()),
  }
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>
}

/** A row's checkbox cell, labelled with what the row is ("Select Ada Byron"). */
export function SelectCell({ id, label }: { id: number; label: string }) {
  const s = useSelection()
  return (
    <td className="px-3 py-2">
      <input
        type="checkbox"
        form={s.formId}
        name={s.name}
        value={id}
        checked={s.selected.has(id)}
        onChange={(e) => s.toggle(id, e.currentTarget.checked)}
        aria-label={`Select ${label}`}
        className="h-4 w-4"
      />
    </td>
  )
}

/**
 * The bulk bar: "Select all on this page", how many are chosen, and the actions (`children`:
 * their fields and submit buttons, each button naming its intent). `reply` is the page's last
 * action reply: its refusal (a 400 naming the field) or what was done and refused.
 */
export function BulkBar({
  label,
  reply,
  children,
}: {
  label: string
  reply: ActionReply<unknown> | null | undefined
  children: ReactNode
}) {
  const s = useSelection()
  const all = s.ids.length > 0 && s.ids.every((id) => s.selected.has(id))
  const errors = reply?.intent?.startsWith('bulk-')
    ? Object.values(reply.result?.error ?? {})
        .flat()
        .filter(Boolean)
    : []
  return (
    <Form
      method="post"
      id={s.formId}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <label className="flex items-center gap-2 self-center">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => s.setAll(e.currentTarget.checked)}
          className="h-4 w-4"
        />
        Select all on this page
      </label>
      <output className="self-center text-slate-700" aria-live="polite">
        {s.selected.size === 1 ? '1 selected' : `${s.selected.size} selected`}
      </output>
      {children}
      {errors.length ? (
        <p role="alert" className="w-full text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </Form>
  )
}

/** What the last bulk action did: the items done, and those refused with why. */
export function BulkResult({
  reply,
  showNotice = true,
}: {
  reply: ActionReply<unknown> | null | undefined
  /** False where the page shows the reply's notice itself. */
  showNotice?: boolean
}) {
  if (!reply?.intent?.startsWith('bulk-') || !reply.payload) return null
  const { done, refused } = reply.payload as BulkOutcome
  return (
    <section
      aria-label="What the bulk action did"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      {showNotice && reply.notice ? (
        <p role="status" className="font-medium text-slate-900">
          {reply.notice}
        </p>
      ) : null}
      {done.length ? (
        <div>
          <h3 className="font-semibold text-slate-900">Done</h3>
          <ul className="list-disc pl-5">
            {done.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {refused.length ? (
        <div>
          <h3 className="font-semibold text-red-800">Refused</h3>
          <ul className="list-disc pl-5">
            {refused.map((r) => (
              <li key={r.id}>
                {r.name}: {r.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
