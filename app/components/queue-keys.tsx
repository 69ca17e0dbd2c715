// Keyboard shortcuts on the queues (decision 43): j and k move the current row (focused, and
// outlined), Enter opens it, a accepts it and r opens its reject form (a rep's leads), / goes to
// the search field, ? lists the keys. Never while typing in a field, never with a modifier key.
// On a lead's page, a accepts, r goes to the reject form, and Enter on its reason rejects and
// opens the next lead.
import { useFetcher, useLocation, useNavigate } from '@remix-run/react'
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'

export type QueueRow = { id: number; href: string }

const CURRENT = ['outline', 'outline-2', 'outline-offset-[-2px]', 'outline-brand-600']

/** Whether the key was pressed while typing, with a modifier, or already handled. */
function notForUs(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return true
  const t = e.target as HTMLElement | null
  if (!t || !(t instanceof HTMLElement)) return false
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)
}

type Key = [keys: string, what: string]

const LIST_KEYS: Key[] = [
  ['j', 'Next row'],
  ['k', 'Previous row'],
  ['Enter', 'Open the current row'],
]
const WORK_KEYS: Key[] = [
  ['a', 'Accept the lead'],
  ['r', 'Reject the lead (opens the reject form)'],
]
const SEARCH_KEY: Key = ['/', 'Go to the search field']
const HELP_KEY: Key = ['?', 'Show these keys']

/** The dialog listing the keys; Escape or Close shuts it and focus goes back where it was. */
export function KeysHelp({ keys, onClose }: { keys: Key[]; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    close.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      before?.focus?.()
    }
  }, [onClose])
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-help-title"
        className="w-full max-w-md space-y-3 rounded-lg bg-white p-5 shadow-lg"
      >
        <h2 id="keys-help-title" className="text-lg font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {keys.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">
                  {key}
                </kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-600">Keys do nothing while you type in a field.</p>
        <button
          ref={close}
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium"
        >
          Close
        </button>
      </div>
    </div>
  )
}

function useKeys(handle: (e: KeyboardEvent) => boolean, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (notForUs(e)) return
      if (handle(e)) e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [handle, enabled])
}

/**
 * A queue's keys over the rows inside it (`children`): each row is found by its link to `href`.
 * `canWork`: the rows are the viewer's own leads to accept or reject. `searchId`: the search
 * field's id, if the page has one.
 */
export function QueueKeys({
  rows,
  canWork = false,
  searchId,
  children,
}: {
  rows: QueueRow[]
  canWork?: boolean
  searchId?: string
  children?: ReactNode
}) {
  const box = useRef<HTMLDivElement>(null)
  const [current, setCurrent] = useState(-1)
  const [help, setHelp] = useState(false)
  const navigate = useNavigate()
  const accept = useFetcher<{ notice?: string | null; result?: { error?: object } | null }>()
  const linkOf = useCallback(
    (row: QueueRow | undefined) =>
      row ? box.current?.querySelector<HTMLAnchorElement>(`a[href="${row.href}"]`) : null,
    [],
  )
  // The current row: its link focused (the visible focus) and the row outlined.
  const moveTo = useCallback(
    (index: number) => {
      for (const el of box.current?.querySelectorAll('[data-queue-current]') ?? []) {
        el.removeAttribute('data-queue-current')
        el.classList.remove(...CURRENT)
      }
      const link = linkOf(rows[index])
      if (!link) return
      const row = link.closest('tr, li') ?? link
      row.setAttribute('data-queue-current', '')
      row.classList.add(...CURRENT)
      link.focus()
      setCurrent(index)
    },
    [rows, linkOf],
  )
  const handle = useCallback(
    (e: KeyboardEvent) => {
      const row = rows[current]
      switch (e.key) {
        case 'j':
          if (rows.length) moveTo(Math.min(current + 1, rows.length - 1))
          return rows.length > 0
        case 'k':
          if (rows.length) moveTo(Math.max(current - 1, 0))
          return rows.length > 0
        case 'Enter': {
          // A focused link opens itself; otherwise the current row opens.
          if (!row || (e.target as HTMLElement | null)?.closest?.('a, button')) return false
          navigate(row.href)
          return true
        }
        case 'a':
          if (!canWork || !row) return false
          accept.submit({ intent: 'accept' }, { method: 'post', action: row.href })
          return true
        case 'r':
          if (!canWork || !row) return false
          navigate(`${row.href}#reject`)
          return true
        case '/': {
          const search = searchId ? document.getElementById(searchId) : null
          if (!search) return false
          search.focus()
          return true
        }
        case '?':
          setHelp(true)
          return true
        default:
          return false
      }
    },
    [rows, current, moveTo, navigate, accept, canWork, searchId],
  )
  useKeys(handle, !help)
  const keys = [
    ...LIST_KEYS,
    ...(canWork ? WORK_KEYS : []),
    ...(searchId ? [SEARCH_KEY] : []),
    HELP_KEY,
  ]
  const said = accept.data
    ? (accept.data.notice ??
      Object.values(accept.data.result?.error ?? {})
        .flat()
        .join(' '))
    : ''
  return (
    <div ref={box}>
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
      <p className="mb-2 text-sm text-slate-600">
        Press <kbd className="font-mono">?</kbd> for keyboard shortcuts.
      </p>
      {children}
      {help ? <KeysHelp keys={keys} onClose={() => setHelp(false)} /> : null}
    </div>
  )
}

/** The reject form's reason list, found by the form's id. */
const reasonField = () =>
  document.querySelector<HTMLSelectElement>('form#reject select[name="reasonId"]')

/**
 * A lead's page keys for its rep: a accepts, r goes to the reject form's reason (as does
 * arriving at `#reject`), Enter on a chosen reason rejects and opens the next lead ("Reject and
 * next"); ? lists them.
 */
export function LeadKeys() {
  const [help, setHelp] = useState(false)
  const location = useLocation()
  useEffect(() => {
    if (location.hash === '#reject') reasonField()?.focus()
  }, [location])
  // Enter on the chosen reason: "Reject and next" (a select does not submit on Enter itself),
  // which asks in its dialog first, as a click would (decision 44).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const reason = reasonField()
      if (e.key !== 'Enter' || e.target !== reason || !reason?.value) return
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return
      const form = reason.form
      const next = form?.querySelector<HTMLButtonElement>('button[data-and-next]')
      if (!form || !next) return
      e.preventDefault()
      next.click()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  const handle = useCallback((e: KeyboardEvent) => {
    switch (e.key) {
      case 'a': {
        const button = document.querySelector<HTMLButtonElement>(
          'form#accept button[type="submit"]',
        )
        if (!button) return false
        button.click()
        return true
      }
      case 'r': {
        const reason = reasonField()
        if (!reason) return false
        reason.scrollIntoView({ block: 'center' })
        reason.focus()
        return true
      }
      case '?':
        setHelp(true)
        return true
      default:
        return false
    }
  }, [])
  useKeys(handle, !help)
  const keys: Key[] = [
    ['a', 'Accept the lead'],
    ['r', 'Go to the reject form'],
    ['Enter', 'On a chosen reason: reject and open the next lead'],
    HELP_KEY,
  ]
  return help ? <KeysHelp keys={keys} onClose={() => setHelp(false)} /> : null
}
