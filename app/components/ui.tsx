import {
  type FieldMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import type { ComponentProps, ReactNode } from 'react'
import { formatCount } from '~/platform/numbers'

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

export function Button({
  variant = 'primary',
  className,
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof buttonStyles }) {
  return (
    <button
      className={cx(
        'inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60',
        buttonStyles[variant],
        className,
      )}
      {...props}
    />
  )
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
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('rounded-md border p-3 text-sm', styles[tone], className)}
    >
      {children}
    </div>
  )
}

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
      <div className="flex items-end gap-2 md:col-span-4">
        <Button type="submit">Apply</Button>
        <Link to={clearTo} className="px-2 py-2 text-sm text-brand-700 underline">
          Clear
        </Link>
      </div>
    </Form>
  )
}
