import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Table, Td } from '~/components/data-table'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Alert, Button, ErrorList, Field, PageHeader } from '~/components/ui'
import { ApiTokenSchema, DEFAULT_RATE_PER_MINUTE } from '~/domain/api/schema'
import { API_SCOPES, SCOPE_LABELS } from '~/domain/api/scopes'
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  rotateApiToken,
} from '~/domain/api/tokens.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'
import type { DB } from '~db/connection'

export const meta: MetaFunction = () => [{ title: 'API tokens · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'api_tokens.manage')
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  const when = (at: Date | null) => (at ? formatDateTime(at, timeZone) : null)
  return {
    tokens: listApiTokens(db).map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: t.scopes,
      ratePerMinute: t.ratePerMinute,
      createdAt: when(t.createdAt),
      expiresAt: when(t.expiresAt),
      lastUsedAt: when(t.lastUsedAt),
      revokedAt: when(t.revokedAt),
    })),
  }
}

type TokenContext = IntentContext & { db: DB; now: Date }

const TokenIdSchema = z.object({
  tokenId: z.coerce.number({ error: 'Choose a token' }).int().positive('Choose a token'),
})

/** What a created or rotated token's reply carries: the token itself, shown this once. */
type Shown = { token: string; prefix: string }
const shown = (done: Shown): Shown => ({ token: done.token, prefix: done.prefix })
const ONCE = 'Copy the token now: it is not shown again.'

const INTENTS = {
  create: intent({
    schema: ApiTokenSchema,
    run: (v, c: TokenContext) => createApiToken(c.db, c.user.id, v, c.now),
    notice: `Token created. ${ONCE}`,
    payload: shown,
    resetForm: true,
  }),
  revoke: intent({
    schema: TokenIdSchema,
    formLevel: true,
    run: (v, c: TokenContext) => revokeApiToken(c.db, c.user.id, v.tokenId, c.now),
    notice: 'Token revoked: it is refused from now on.',
  }),
  rotate: intent({
    schema: TokenIdSchema,
    formLevel: true,
    run: (v, c: TokenContext) => rotateApiToken(c.db, c.user.id, v.tokenId, c.now),
    notice: `Token rotated; the old one is revoked. ${ONCE}`,
    payload: shown,
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'api_tokens.manage')
  const ctx = { user, db: getDb(), now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function ApiTokens() {
  const { tokens } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm(ApiTokenSchema, {
    lastResult: replyFor(actionData, 'create'),
  })
  const secret = actionData?.payload as Shown | null | undefined
  const refusal = actionData?.intent !== 'create' ? formErrorOf(actionData) : null
  return (
    <div className="space-y-6">
      <PageHeader title="API tokens" />
      <p className="max-w-3xl text-slate-700">
        Tokens let a CRM or a script use the REST API under <code>/api/v1</code>, sending{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. Each token holds only the scopes it needs;
        its secret is shown once and kept only as a hash.
      </p>
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {secret?.token ? (
        <Alert tone="info">
          <span className="block font-medium">New token</span>
          <code className="break-all" data-testid="new-token">
            {secret.token}
          </code>
        </Alert>
      ) : null}
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      <Table
        caption="API tokens"
        columns={[
          'Name',
          'Prefix',
          'Scopes',
          'Rate a minute',
          'Created',
          'Expires',
          'Last used',
          'Revoked',
          '',
        ]}
      >
        {tokens.map((t) => (
          <tr key={t.id}>
            <Td className={t.revokedAt ? 'text-slate-500' : undefined}>{t.name}</Td>
            <Td>
              <code>lc_{t.prefix}_…</code>
            </Td>
            <Td>{t.scopes.join(', ')}</Td>
            <Td>{t.ratePerMinute}</Td>
            <Td>{t.createdAt}</Td>
            <Td>{t.expiresAt ?? 'Never'}</Td>
            <Td>{t.lastUsedAt ?? 'Never'}</Td>
            <Td>{t.revokedAt ?? '—'}</Td>
            <Td>
              {t.revokedAt ? null : (
                <Form method="post" className="flex gap-2">
                  <input type="hidden" name="tokenId" value={t.id} />
                  <Button type="submit" name="intent" value="rotate" variant="secondary">
                    Rotate<span className="sr-only"> {t.name}</span>
                  </Button>
                  <Button type="submit" name="intent" value="revoke" variant="danger">
                    Revoke<span className="sr-only"> {t.name}</span>
                  </Button>
                </Form>
              )}
            </Td>
          </tr>
        ))}
      </Table>
      <div className="max-w-xl">
        <FormCard form={form}>
          <h2 className="text-lg font-semibold">Create a token</h2>
          <Field label="Name" hint="What uses it, such as “Salesforce”." meta={fields.name} />
          <fieldset>
            <legend className="mb-1 block text-sm font-medium text-slate-800">Scopes</legend>
            {API_SCOPES.map((scope) => (
              <div key={scope} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`scope-${scope}`}
                  name={fields.scopes.name}
                  value={scope}
                  aria-describedby={fields.scopes.errorId}
                />
                <label htmlFor={`scope-${scope}`} className="text-sm">
                  <code>{scope}</code>: {SCOPE_LABELS[scope]}
                </label>
              </div>
            ))}
            <ErrorList id={fields.scopes.errorId} errors={fields.scopes.errors} />
          </fieldset>
          <Field
            label="Expires on (optional)"
            hint="The token is refused from the start of this day (UTC)."
            type="date"
            meta={fields.expires}
          />
          <Field
            label="Requests a minute"
            hint="More in one minute are answered 429 (1 to 100,000)."
            type="number"
            defaultValue={fields.rate.initialValue ?? String(DEFAULT_RATE_PER_MINUTE)}
            meta={fields.rate}
          />
          <Button type="submit" name="intent" value="create">
            Create token
          </Button>
        </FormCard>
      </div>
    </div>
  )
}
