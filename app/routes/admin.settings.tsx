import { getSelectProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, ErrorList, Field, inputClass, PageHeader } from '~/components/ui'
import { requireRole } from '~/lib/auth.server'
import { getDb } from '~/lib/db.server'
import { getOrganisationSettings, updateOrganisationSettings } from '~/lib/settings.server'
import { OrganisationSettingsSchema } from '~/lib/settings-schema'

export const meta: MetaFunction = () => [{ title: 'Settings · Leadcourt' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return {
    settings: getOrganisationSettings(getDb()),
    timeZones: Intl.supportedValuesOf('timeZone'),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await request.formData(), { schema: OrganisationSettingsSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), saved: false }, { status: 400 })
  updateOrganisationSettings(getDb(), admin.id, submission.value, new Date())
  return { result: submission.reply(), saved: true }
}

export default function Settings() {
  const { settings, timeZones } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(OrganisationSettingsSchema, {
    lastResult: actionData?.result,
    defaultValue: settings,
  })
  const { key, ...tzProps } = getSelectProps(fields.timeZone)
  return (
    <div className="max-w-xl">
      <PageHeader title="Settings" />
      {actionData?.saved ? (
        <Alert tone="success" className="mb-4">
          Settings saved.
        </Alert>
      ) : null}
      <FormCard form={form}>
        <Field label="Organisation name" meta={fields.organisationName} />
        <div>
          <label
            htmlFor={fields.timeZone.id}
            className="mb-1 block text-sm font-medium text-slate-800"
          >
            Time zone
          </label>
          <p className="mb-1 text-sm text-slate-600">
            Working days and SLA clocks follow this time zone: Saturdays and Sundays here do not
            count.
          </p>
          <select key={key} {...tzProps} className={inputClass}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </select>
          <ErrorList id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
        </div>
        <Button type="submit">Save settings</Button>
      </FormCard>
    </div>
  )
}
