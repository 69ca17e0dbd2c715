import { useLocation } from '@remix-run/react'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { cx } from './ui'

// Set once the app has hydrated: a disclosure mounted later (after signing in) starts as a button.
let appHydrated = false

/**
 * A button that shows and hides a panel (the disclosure pattern, for the navigation's menus).
 * The button says whether the panel is open (`aria-expanded`); Escape closes it and puts focus
 * back on the button; a click elsewhere, focus leaving it, or a new page closes it. Before the
 * app's script runs (or without it) it is a `<details>`, which the browser opens by itself; the
 * button takes over, as open as the `<details>` was, once the app hydrates.
 */
export function Disclosure({
  label,
  current = false,
  buttonClassName,
  panelClassName,
  children,
}: {
  label: ReactNode
  /** Whether the page shown is one of the panel's (styles the button, `aria-current`). */
  current?: boolean
  buttonClassName: string
  panelClassName: string
  children: ReactNode
}) {
  const [hydrated, setHydrated] = useState(appHydrated)
  const [open, setOpen] = useState(false)
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const boxRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (detailsRef.current?.open) setOpen(true)
    appHydrated = true
    setHydrated(true)
  }, [])

  // A new page (a link in the panel followed) closes the panel.
  const { key } = useLocation()
  const [shownKey, setShownKey] = useState(key)
  if (key !== shownKey) {
    setShownKey(key)
    setOpen(false)
  }

  useEffect(() => {
    const box = boxRef.current
    if (!open || !box) return
    const outside = (target: EventTarget | null) =>
      !(target instanceof Node && box.contains(target))
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event.target)) setOpen(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      if (!outside(document.activeElement)) buttonRef.current?.focus()
    }
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget && outside(event.relatedTarget)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    box.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
      box.removeEventListener('focusout', onFocusOut)
    }
  }, [open])

  const buttonClass = cx(
    'flex cursor-pointer list-none items-center gap-1 [&::-webkit-details-marker]:hidden',
    buttonClassName,
  )
  const caret = (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current opacity-70">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
    </svg>
  )
  const panelClass = cx('absolute z-30 mt-1', panelClassName)

  if (!hydrated) {
    return (
      <details ref={detailsRef} className="sm:relative">
        <summary className={buttonClass} aria-current={current ? 'true' : undefined}>
          {label}
          {caret}
        </summary>
        <div className={panelClass}>{children}</div>
      </details>
    )
  }
  return (
    <div ref={boxRef} className="sm:relative">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls={panelId}
        aria-current={current ? 'true' : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        {caret}
      </button>
      <div id={panelId} hidden={!open} className={panelClass}>
        {children}
      </div>
    </div>
  )
}
