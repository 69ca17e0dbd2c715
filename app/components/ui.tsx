import {
  type FieldMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import {
  type ComponentProps,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type RefObject,
  useRef,
} from 'react'

export function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(' ')
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children ? <div className="flex gap-2">{children}</div> : null}
    </div>
  )
}

export function Card({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      {title ? <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2> : null}
      {children}
    </section>
  )
}

const buttonStyles = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
  danger: 'bg-red-600 text-white hover:bg-red-700',
}

/**
 * A button. A submit button knows when its own form is being sent (the navigation carries the
 * form's fields and this button's name and value): it then says so (`pendingLabel`, with a
 * spinner), is marked busy and refuses a second click, so a slow save never looks idle.
 */
export function Button({
  variant = 'primary',
  className,
  pendingLabel,
  children,
  onClick,
  ...props
}: ComponentPropsWithoutRef<'button'> & {
  variant?: keyof typeof buttonStyles
  /** What the button says while its form is sent; "Saving…" (or "Loading…" for a search). */
  pendingLabel?: string
}) {
  const ownRef = useRef<HTMLButtonElement | null>(null)
  const submits = props.type !== 'button' && props.type !== 'reset'
  const pending = useSubmitting(ownRef, submits)
  return (
    <button
      ref={ownRef}
      className={cx(
        'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 aria-disabled:opacity-60',
        buttonStyles[variant],
        className,
      )}
      {...props}
      aria-busy={pending ? true : undefined}
      aria-disabled={pending ? true : props['aria-disabled']}
      onClick={(event) => {
        // Sent already: a second click (or Enter in a field) would send it twice.
        if (pending) event.preventDefault()
        else onClick?.(event)
      }}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel ?? (pending === 'get' ? 'Loading…' : 'Saving…')}
        </>
      ) : (
        children
      )}
    </button>
  )
}

function Spinner() {
  return (
    <svg aria-hidden="true" className="h-4 w-4 animate-spin" viewBox="0 0 24 24" fill="none">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" opacity="0.25" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" />
    </svg>
  )
}

/**
 * Whether the navigation under way sends the form of `ref`'s button, pressed by it: same action,
 * every field of the form with its current value, and the button's own name and value if it
 * has one. Its method ('get' or 'post') when it does, false otherwise.
 */
function useSubmitting(ref: RefObject<HTMLButtonElement | null>, submits: boolean) {
  const navigation = useNavigation()
  const button = ref.current
  if (!submits || !button || navigation.state === 'idle' || !navigation.formData) return false
  if (!sentBy(button, navigation.formAction, navigation.formData)) return false
  return navigation.formMethod?.toLowerCase() === 'get' ? ('get' as const) : ('post' as const)
}

/** Whether `sent` (to `action`) is what `button` submits from its form. */
export function sentBy(button: HTMLButtonElement, action: string | undefined, sent: FormData) {
  const form = button.form
  if (!form) return false
  const base = window.location.href
  if (action && new URL(action, base).pathname !== new URL(form.action || base, base).pathname)
    return false
  if (button.name && !sent.getAll(button.name).includes(button.value)) return false
  for (const [name, value] of new FormData(form))
    if (typeof value === 'string' && !sent.getAll(name).includes(value)) return false
  return true
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <ul id={id} className="mt-1 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  )
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600'

type InputType =
  | 'text'
  | 'email'
  | 'password'
  | 'number'
  | 'date'
  | 'datetime-local'
  | 'search'
  | 'tel'
  | 'url'

/** A labelled input bound to a Conform field; its errors are announced and described. */
export function Field({
  label,
  hint,
  meta,
  type = 'text',
  ...rest
}: {
  label: string
  hint?: string
  meta: FieldMetadata<string | number | undefined>
  type?: InputType
} & Omit<ComponentProps<'input'>, 'type' | 'name' | 'id' | 'form'>) {
  const { key, ...inputProps } = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
  })
  return (
    <FieldFrame label={label} hint={hint} meta={meta}>
      <input key={key} className={inputClass} {...inputProps} {...rest} />
    </FieldFrame>
  )
}

function FieldFrame({
  label,
  hint,
  meta,
  children,
}: {
  label: string
  hint?: string
  meta: { id: string; errorId: string; errors?: string[] }
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

type OptionList = readonly (readonly [string | number, string])[]

function Options({ options, emptyLabel }: { options: OptionList; emptyLabel?: string }) {
  return (
    <>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </>
  )
}

/** A labelled select bound to a Conform field. */
export function SelectInput({
  label,
  hint,
  meta,
  options,
  emptyLabel,
}: {
  label: string
  hint?: string
  meta: FieldMetadata<string | number | undefined>
  options: OptionList
  emptyLabel?: string
}) {
  const { key, ...props } = getSelectProps(meta, {
    ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
  })
  return (
    <FieldFrame label={label} hint={hint} meta={meta}>
      <select key={key} {...props} className={inputClass}>
        <Options options={options} emptyLabel={emptyLabel} />
      </select>
    </FieldFrame>
  )
}

/** A labelled text area bound to a Conform field. */
export function TextArea({
  label,
  hint,
  meta,
  rows = 3,
}: {
  label: string
  hint?: string
  meta: FieldMetadata<string | undefined>
  rows?: number
}) {
  const { key, ...props } = getTextareaProps(meta, {
    ariaDescribedBy: hint ? `${meta.id}-hint` : undefined,
  })
  return (
    <FieldFrame label={label} hint={hint} meta={meta}>
      <textarea key={key} {...props} rows={rows} className={inputClass} />
    </FieldFrame>
  )
}

/**
 * A message in the page. A success or error one is the result of a form: after a submission,
 * focus moves to it (`FormResultFocus` in forms.tsx), so it can take focus, and its role has it
 * announced (role=status for a notice, role=alert for an error).
 */
export function Alert({
  tone = 'info',
  className,
  children,
}: {
  tone?: 'info' | 'error' | 'success'
  className?: string
  children: ReactNode
}) {
  const styles = {
    info: 'border-brand-100 bg-brand-50 text-brand-900',
    error: 'border-red-200 bg-red-50 text-red-900',
    success: 'border-green-200 bg-green-50 text-green-900',
  }
  const result = tone !== 'info'
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={result ? -1 : undefined}
      data-form-result={result ? tone : undefined}
      className={cx(
        'rounded-md border p-3 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600',
        styles[tone],
        className,
      )}
    >
      {children}
    </div>
  )
}

/** A labelled select for GET forms (filters, pickers): plain values, no form library. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  emptyLabel,
}: {
  name: string
  label: string
  options: readonly (readonly [string, string])[]
  defaultValue?: string | number
  emptyLabel?: string
}) {
  const id = `select-${name}`
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ''} className={inputClass}>
        <Options options={options} emptyLabel={emptyLabel} />
      </select>
    </div>
  )
}

/** The filters of a list: a GET form (the URL keeps them), with Apply and Clear. */
export function FilterForm({
  label,
  clearTo,
  children,
}: {
  label: string
  clearTo: string
  children: ReactNode
}) {
  return (
    <Form
      method="get"
      role="search"
      aria-label={label}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4"
    >
      {children}
      <FilterActions clearTo={clearTo} />
    </Form>
  )
}

/** A filter form's Apply (for a page without its script) and Clear. */
export function FilterActions({ clearTo }: { clearTo: string }) {
  return (
    <div className="flex items-end gap-2 md:col-span-4">
      <Button type="submit">Apply</Button>
      <Link to={clearTo} className="px-2 py-2 text-sm text-brand-700 underline">
        Clear
      </Link>
    </div>
  )
}
