import { type FormMetadata, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { Alert } from './ui'

/**
 * Conform bound to one zod schema: the browser validates with it as the user leaves each
 * field, and the action validates with the same schema on the server.
 */
export function useSchemaForm<
  Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>,
>(
  schema: Schema,
  options: {
    id?: string
    lastResult?: SubmissionResult<string[]> | null
    defaultValue?: Record<string, unknown>
  } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

/** A POST form in a card, with the form-level errors announced at its top. */
export function FormCard<Shape extends Record<string, unknown>>({
  form,
  children,
}: {
  form: FormMetadata<Shape, string[]>
  children: ReactNode
}) {
  return (
    <Form
      method="post"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      {...getFormProps(form)}
    >
      {form.errors?.length ? <Alert tone="error">{form.errors.join(' ')}</Alert> : null}
      {children}
    </Form>
  )
}
