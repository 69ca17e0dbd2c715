// A submit button that asks first (decision 44): for the clicks that cannot be taken back
// (Reject, Concede, Propose), a dialog says in words what will happen before the form is sent.
import { parseWithZod } from '@conform-to/zod/v4'
import { type ReactNode, useId, useRef, useState } from 'react'
import type { z } from 'zod'
import { Button } from './ui'

/** What a dialog asks: its title, what will happen, and the words of its two buttons. */
export type Confirmation = {
  title: string
  /** What will happen, in words for people; may read the form's fields as they are now. */
  consequence: ReactNode | ((form: HTMLFormElement) => ReactNode)
  /** The confirming button ("Yes, reject the lead"): distinct from the button that opens it. */
  confirmLabel: string
  cancelLabel?: string
  /**
   * The form's schema: while the form does not pass it, the click submits straight away, so the
   * form's own validation says what is missing, and the dialog asks only about a form that can go.
   */
  schema?: z.ZodType
}

/**
 * A submit button whose click opens a modal dialog (native `<dialog>`, `showModal`: focus moves
 * into it, on Cancel; the page behind is inert). Cancel or Escape closes it, nothing sent, focus
 * back on the button; the confirming button sends the same form as if this button had been
 * pressed (its fields, and this button's own name and value). Without JavaScript, or without
 * dialog support, the button simply submits: the server never needs the confirmation.
 *
 * Two buttons of one form (Reject lead, and "Reject and next") each take a `ConfirmSubmit` with
 * the same `confirm` and their own `name`/`value`.
 */
export function ConfirmSubmit({
  confirm,
  children,
  variant = 'primary',
  pendingLabel,
  name,
  value,
  className,
  'data-and-next': andNext,
}: {
  confirm: Confirmation
  children: ReactNode
  variant?: 'primary' | 'secondary' | 'danger'
  pendingLabel?: string
  name?: string
  value?: string
  className?: string
  /** Marks "… and next" for the queue's keys (decision 43). */
  'data-and-next'?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const trigger = useRef<HTMLButtonElement | null>(null)
  const [consequence, setConsequence] = useState<ReactNode>(null)
  const titleId = useId()
  const bodyId = useId()

  function close() {
    dialog.current?.close()
    trigger.current?.focus()
  }

  return (
    <>
      <Button
        type="submit"
        variant={variant}
        name={name}
        value={value}
        pendingLabel={pendingLabel}
        className={className}
        data-and-next={andNext}
        onClick={(event) => {
          const button = event.currentTarget
          const form = button.form
          if (!form || typeof dialog.current?.showModal !== 'function') return
          if (confirm.schema && !passes(form, button, confirm.schema)) return
          event.preventDefault()
          trigger.current = button
          const said = confirm.consequence
          setConsequence(typeof said === 'function' ? said(form) : said)
          dialog.current.showModal()
          dialog.current.querySelector<HTMLButtonElement>('[data-cancel]')?.focus()
        }}
      >
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="max-w-md rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          close()
        }}
        onCancel={(event) => {
          event.preventDefault()
          close()
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {confirm.title}
        </h2>
        <div id={bodyId} className="mt-2 space-y-2 text-sm text-slate-700">
          {consequence}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close} data-cancel="">
            {confirm.cancelLabel ?? 'Cancel'}
          </Button>
          <Button
            type="button"
            variant={variant === 'secondary' ? 'primary' : variant}
            onClick={() => {
              dialog.current?.close()
              const button = trigger.current
              button?.form?.requestSubmit(button)
            }}
          >
            {confirm.confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  )
}

/** Whether the form, sent by `button`, passes `schema` as the browser's validation reads it. */
function passes(form: HTMLFormElement, button: HTMLButtonElement, schema: z.ZodType) {
  const data = new FormData(form)
  if (button.name) data.append(button.name, button.value)
  return parseWithZod(data, { schema }).status === 'success'
}
