import { type FormMetadata, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { type ReactNode, useEffect, useRef } from 'react'
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

/**
 * After a form is sent (a POST, answered on this page or by a redirect), focus moves to its
 * result, so a keyboard or screen-reader user is not left on the page's body: an error
 * (role=alert: the form's error summary), else the first invalid field, else the notice of
 * success (an `Alert`: role=status), else the page's heading. Focusing it has it read out; its
 * role has it announced. Searches (GET forms) keep focus where it is. Rendered once, by the root.
 */
export function FormResultFocus() {
  const navigation = useNavigation()
  const sent = useRef(false)
  useEffect(() => {
    if (navigation.state !== 'idle') {
      if (navigation.formData && navigation.formMethod?.toLowerCase() !== 'get') sent.current = true
      return
    }
    if (!sent.current) return
    sent.current = false
    focusFormResult(document.getElementById('main') ?? document.body)
  }, [navigation])
  return null
}

/** Focuses the result of the form just sent, within `page`; returns what it focused. */
export function focusFormResult(page: HTMLElement): HTMLElement | null {
  const target =
    page.querySelector<HTMLElement>('[data-form-result="error"], [role="alert"]') ??
    page.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    page.querySelector<HTMLElement>('[data-form-result="success"]') ??
    page.querySelector<HTMLElement>('h1')
  if (!target) return null
  if (!target.matches('input, select, textarea, button, a[href], [tabindex]'))
    target.setAttribute('tabindex', '-1')
  target.focus()
  return target
}
