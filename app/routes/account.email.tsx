import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Alert, Button, ErrorList, PageHeader } from '~/components/ui'
import { emailPreferencesPage, saveEmailPreferences } from '~/domain/mail/preferences.server'
import { EmailPreferencesSchema } from '~/domain/mail/schema'
import { parseForm, readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { refused, succeeded } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'E-mail · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  return { kinds: emailPreferencesPage(getDb(), user) }
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const submission = parseForm(await readForm(args.request), EmailPreferencesSchema)
  if (submission.status !== 'success') return refused('save', submission.reply())
  const saved = saveEmailPreferences(getDb(), user, submission.value.kinds, nowOf(args.context))
  if (!saved.ok) return refused('save', submission.reply({ fieldErrors: saved.fieldErrors }))
  return succeeded('save', submission.reply(), 'Your e-mail choices are saved.')
}

export default function EmailPreferences() {
  const { kinds } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const errors = reply?.result?.error
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title="E-mail" />
      <p className="text-slate-700">
        Choose what Leadcourt e-mails you. Each message links to its page and says why you received
        it. The notifications on your home page do not change.
      </p>
      {reply?.notice ? <Alert tone="success">{reply.notice}</Alert> : null}
      <Form method="post" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">E-mails you receive</legend>
          {kinds.map((k) => (
            <div key={k.kind} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`kind-${k.kind}`}
                name="kinds"
                value={k.kind}
                defaultChecked={k.enabled}
                aria-describedby={`kind-${k.kind}-hint`}
                className="mt-1"
              />
              <label htmlFor={`kind-${k.kind}`} className="text-sm">
                <span className="font-medium">{k.label}</span>
                <span id={`kind-${k.kind}-hint`} className="block text-slate-600">
                  {k.description}
                </span>
              </label>
            </div>
          ))}
          <ErrorList errors={errors?.kinds ?? errors?.['kinds[0]'] ?? null} />
        </fieldset>
        <Button type="submit">Save</Button>
      </Form>
    </div>
  )
}
