import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { createImportJob } from '~/domain/import/jobs.server'
import { requireAccess } from '~/http/guards.server'
import { refusedAtForm } from '~/http/intents.server'
import { formErrorOf } from '~/http/reply'
import { receiveCsvUpload } from '~/http/upload.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Import leads · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'imports.run')
  return null
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const user = await requireAccess(args, 'imports.run')
  const upload = await receiveCsvUpload(request, user.id)
  if (!upload.ok) return refusedAtForm('upload', upload)
  const job = await createImportJob(getDb(), user.id, upload, nowOf(args.context))
  if (!job.ok) return refusedAtForm('upload', job)
  return redirect(`/imports/${job.jobId}`)
}

export default function NewImport() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Import leads" />
      {formErrorOf(actionData) ? <Alert tone="error">{formErrorOf(actionData)}</Alert> : null}
      <Card>
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          <div>
            <label htmlFor="file" className="mb-1 block text-sm font-medium">
              CSV file
            </label>
            <p id="file-hint" className="mb-2 text-sm text-slate-600">
              A lead export from Salesforce, HubSpot or Zoho CRM, or any CSV with a header row (up
              to 256 MB). You choose what each column means before anything is imported.
            </p>
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-describedby="file-hint"
              className="block text-sm"
            />
          </div>
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Uploading…' : 'Upload'}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
