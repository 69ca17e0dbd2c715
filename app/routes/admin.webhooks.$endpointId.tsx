import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, Card, Field, PageHeader } from '~/components/ui'
import { WebhookEventsField } from '~/components/webhook-events'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { recentDeliveries, resendDelivery, sendTestPing } from '~/domain/webhooks/deliveries.server'
import {
  disableEndpoint,
  enableEndpoint,
  getEndpoint,
  rotateSecret,
  updateEndpointEvents,
} from '~/domain/webhooks/endpoints.server'
import { DeliveryIdSchema, RotateSecretSchema, WebhookEventsSchema } from '~/domain/webhooks/schema'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'

export const meta: MetaFunction = () => [{ title: 'Webhook endpoint · Leadcourt' }]

function findEndpoint(params: Record<string, string | undefined>) {
  const endpoint = getEndpoint(getDb(), idParam(params, 'endpointId'))
  if (!endpoint) throw new Response('Not found', { status: 404 })
  return endpoint
}

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'webhooks.manage')
  const endpoint = findEndpoint(args.params)
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const when = (at: Date | null) => (at ? formatDateTime(at, timeZone) : null)
  return {
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      events: endpoint.events,
      disabledAt: when(endpoint.disabledAt),
      disabledReason: endpoint.disabledReason,
      failingSince: when(endpoint.failingSince),
      previousSecretUntil: when(endpoint.previousSecretUntil),
    },
    deliveries: recentDeliveries(db, endpoint.id).map((d) => ({
      id: d.id,
      eventType: d.eventType,
      messageId: d.messageId,
      status: d.status,
      statusCode: d.lastStatusCode,
      durationMs: d.lastDurationMs,
      attempts: d.attempts,
      lastAttemptAt: when(d.lastAttemptAt),
      nextAttemptAt: d.status === 'pending' ? when(d.nextAttemptAt) : null,
      error: d.lastError,
    })),
  }
}

type EndpointContext = IntentContext & { db: DB; endpointId: number; now: Date }
type Shown = { secret: string }

const actor = (c: EndpointContext) => ({ userId: c.user.id })
const INTENTS = {
  events: intent({
    schema: WebhookEventsSchema,
    run: (v, c: EndpointContext) =>
      updateEndpointEvents(c.db, actor(c), c.endpointId, v.events, c.now),
    notice: 'Events saved: they apply from the next event on.',
  }),
  disable: intent({
    run: (_, c: EndpointContext) => disableEndpoint(c.db, actor(c), c.endpointId, c.now),
    notice: 'Endpoint disabled: nothing more is sent to it.',
  }),
  enable: intent({
    run: (_, c: EndpointContext) => enableEndpoint(c.db, actor(c), c.endpointId, c.now),
    notice: 'Endpoint enabled: events from now on are sent to it.',
  }),
  rotate: intent({
    schema: RotateSecretSchema,
    run: (v, c: EndpointContext) => rotateSecret(c.db, actor(c), c.endpointId, v, c.now),
    notice: 'Secret rotated. Copy the new secret now: it is not shown again.',
    payload: (done): Shown => ({ secret: done.secret }),
  }),
  test: intent({
    run: (_, c: EndpointContext) => sendTestPing(c.db, actor(c), c.endpointId, c.now),
    notice: 'Test queued: it is sent within a second or two; reload to see it below.',
  }),
  resend: intent({
    schema: DeliveryIdSchema,
    formLevel: true,
    run: (v, c: EndpointContext) =>
      resendDelivery(c.db, actor(c), c.endpointId, v.deliveryId, c.now),
    notice: 'Delivery queued to be sent again.',
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'webhooks.manage')
  const endpointId = findEndpoint(args.params).id
  const ctx = { user, db: getDb(), endpointId, now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function WebhookEndpointPage() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [eventsForm, eventsFields] = useSchemaForm(WebhookEventsSchema, {
    id: 'events',
    lastResult: replyFor(actionData, 'events'),
  })
  const [rotateForm, rotateFields] = useSchemaForm(RotateSecretSchema, {
    id: 'rotate',
    lastResult: replyFor(actionData, 'rotate'),
    defaultValue: { graceHours: '24' },
  })
  const shown = actionData?.payload as Shown | null | undefined
  const refusal =
    actionData?.intent !== 'events' && actionData?.intent !== 'rotate'
      ? formErrorOf(actionData)
      : null
  return (
    <div className="space-y-6">
      <PageHeader title="Webhook endpoint">
        <Link to="/admin/webhooks" className="text-sm text-brand-700 underline">
          All webhooks
        </Link>
      </PageHeader>
      <p className="break-all font-mono text-sm">{endpoint.url}</p>
      {endpoint.description ? <p className="text-slate-700">{endpoint.description}</p> : null}
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {shown?.secret ? (
        <Alert tone="info">
          <span className="block font-medium">New signing secret</span>
          <code className="break-all" data-testid="new-secret">
            {shown.secret}
          </code>
        </Alert>
      ) : null}
      <Card title="Status">
        <p className="mb-3 text-sm text-slate-700">
          {endpoint.disabledAt
            ? `Disabled on ${endpoint.disabledAt}: ${endpoint.disabledReason ?? ''}`
            : endpoint.failingSince
              ? `Active, failing since ${endpoint.failingSince}. It is disabled after three days without a success.`
              : 'Active.'}
          {endpoint.previousSecretUntil
            ? ` The previous secret also signs until ${endpoint.previousSecretUntil}.`
            : ''}
        </p>
        <Form method="post" className="flex flex-wrap gap-3">
          {endpoint.disabledAt ? (
            <Button type="submit" name="intent" value="enable">
              Enable
            </Button>
          ) : (
            <>
              <Button type="submit" name="intent" value="test" variant="secondary">
                Send a test
              </Button>
              <Button type="submit" name="intent" value="disable" variant="danger">
                Disable
              </Button>
            </>
          )}
        </Form>
      </Card>
      <div className="grid max-w-4xl gap-6 md:grid-cols-2">
        <FormCard form={eventsForm}>
          <h2 className="text-lg font-semibold">Events</h2>
          <WebhookEventsField
            name={eventsFields.events.name}
            errorId={eventsFields.events.errorId}
            errors={eventsFields.events.errors}
            checked={endpoint.events}
          />
          <Button type="submit" name="intent" value="events">
            Save events
          </Button>
        </FormCard>
        <FormCard form={rotateForm}>
          <h2 className="text-lg font-semibold">Rotate the secret</h2>
          <p className="text-sm text-slate-700">
            A new secret signs from now on; the old one signs too during the grace period, so your
            receiver can switch without missing a delivery.
          </p>
          <Field
            label="Grace period (hours)"
            type="number"
            min={0}
            max={168}
            meta={rotateFields.graceHours}
          />
          <Button type="submit" name="intent" value="rotate" variant="secondary">
            Rotate secret
          </Button>
        </FormCard>
      </div>
      <Table
        caption="Recent deliveries"
        columns={['Event', 'Status', 'Response', 'Duration', 'Attempts', 'Next attempt', '']}
      >
        {deliveries.map((d) => (
          <tr key={d.id}>
            <Td>
              <code>{d.eventType}</code>
              <span className="block text-xs text-slate-600">{d.messageId}</span>
            </Td>
            <Td>
              {d.status}
              {d.error ? <span className="block text-xs text-slate-600">{d.error}</span> : null}
            </Td>
            <Td>{d.statusCode ?? '—'}</Td>
            <Td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</Td>
            <Td>{d.attempts}</Td>
            <Td>{d.nextAttemptAt ?? '—'}</Td>
            <Td>
              {d.status === 'pending' || endpoint.disabledAt ? null : (
                <Form method="post">
                  <input type="hidden" name="deliveryId" value={d.id} />
                  <Button type="submit" name="intent" value="resend" variant="secondary">
                    Resend<span className="sr-only"> delivery {d.id}</span>
                  </Button>
                </Form>
              )}
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  )
}
