import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, Field, PageHeader } from '~/components/ui'
import { WebhookEventsField } from '~/components/webhook-events'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { lastAttempts } from '~/domain/webhooks/deliveries.server'
import { listEndpoints, registerEndpoint } from '~/domain/webhooks/endpoints.server'
import { WebhookEndpointSchema } from '~/domain/webhooks/schema'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'

export const meta: MetaFunction = () => [{ title: 'Webhooks · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'webhooks.manage')
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const when = (at: Date | null | undefined) => (at ? formatDateTime(at, timeZone) : null)
  const last = lastAttempts(db)
  return {
    endpoints: listEndpoints(db).map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events,
      status: e.disabledAt ? 'Disabled' : e.failingSince ? 'Failing' : 'Active',
      disabledReason: e.disabledReason,
      lastDelivery: when(last.get(e.id)),
      failingSince: when(e.failingSince),
    })),
  }
}

type HooksContext = IntentContext & { db: DB; now: Date }
type Shown = { secret: string; endpointId: number }

const INTENTS = {
  register: intent({
    schema: WebhookEndpointSchema,
    run: (v, c: HooksContext) => registerEndpoint(c.db, { userId: c.user.id }, v, c.now),
    notice: 'Endpoint registered. Copy its signing secret now: it is not shown again.',
    payload: (done): Shown => ({ secret: done.secret, endpointId: done.endpointId }),
    resetForm: true,
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'webhooks.manage')
  const ctx = { user, db: getDb(), now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function Webhooks() {
  const { endpoints } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(WebhookEndpointSchema, {
    lastResult: replyFor(actionData, 'register'),
  })
  const shown = actionData?.payload as Shown | null | undefined
  return (
    <div className="space-y-6">
      <PageHeader title="Webhooks" />
      <p className="max-w-3xl text-slate-700">
        Leadcourt sends the events you choose to your CRM as signed HTTP POSTs (the Standard
        Webhooks format), retrying for about three days. Each endpoint has its own signing secret,
        shown once when it is registered.
      </p>
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {shown?.secret ? (
        <Alert tone="info">
          <span className="block font-medium">Signing secret</span>
          <code className="break-all" data-testid="new-secret">
            {shown.secret}
          </code>
        </Alert>
      ) : null}
      <Table
        caption="Webhook endpoints"
        columns={['URL', 'Events', 'Status', 'Last delivery', 'Failing since']}
      >
        {endpoints.map((e) => (
          <tr key={e.id}>
            <Td>
              <Link to={`/admin/webhooks/${e.id}`} className="break-all text-brand-700 underline">
                {e.url}
              </Link>
              {e.description ? <span className="block text-slate-600">{e.description}</span> : null}
            </Td>
            <Td>{e.events.join(', ')}</Td>
            <Td>
              {e.status}
              {e.disabledReason ? (
                <span className="block text-slate-600">{e.disabledReason}</span>
              ) : null}
            </Td>
            <Td>{e.lastDelivery ?? 'Never'}</Td>
            <Td>{e.failingSince ?? '—'}</Td>
          </tr>
        ))}
      </Table>
      <div className="max-w-xl">
        <FormCard form={form}>
          <h2 className="text-lg font-semibold">Register an endpoint</h2>
          <Field
            label="URL"
            hint="Where to POST the events, such as https://crm.example.com/leadcourt."
            meta={fields.url}
          />
          <WebhookEventsField
            name={fields.events.name}
            errorId={fields.events.errorId}
            errors={fields.events.errors}
          />
          <Field label="Description (optional)" meta={fields.description} />
          <Button type="submit" name="intent" value="register">
            Register endpoint
          </Button>
        </FormCard>
      </div>
    </div>
  )
}
