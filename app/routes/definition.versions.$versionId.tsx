import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmSubmit } from '~/components/confirm-submit'
import { proposeConfirmation } from '~/components/confirmations'
import { CriteriaList } from '~/components/criteria-list'
import { CriterionBuilder } from '~/components/criterion-builder'
import { Signoffs } from '~/components/signoffs'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { VersionImpactCard } from '~/components/version-impact'
import { removeCriterion, saveCriterion } from '~/domain/definition/drafting.server'
import { versionImpactView } from '~/domain/definition/impact-view.server'
import { VERSION_STATUS_LABELS } from '~/domain/definition/labels'
import { proposeVersion, withdrawVersion } from '~/domain/definition/proposal.server'
import { CriterionSchema, ImpactQuerySchema, VersionIntentSchema } from '~/domain/definition/schema'
import { signOff } from '~/domain/definition/sign-off.server'
import { versionPage } from '~/domain/definition/version-page.server'
import { versionView } from '~/domain/definition/view.server'
import { SEAT_LABELS } from '~/domain/people/roles'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { queryOf } from '~/http/query'
import { formErrorOf, replyFor } from '~/http/reply'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'
import type { DB } from '~db/connection'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Lead definition version ${data?.version.number ?? ''} · Leadcourt` },
]

function findVersion(params: Record<string, string | undefined>) {
  const version = versionView(getDb(), idParam(params, 'versionId'))
  if (!version) throw new Response('Not found', { status: 404 })
  return version
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const editId = Number(new URL(args.request.url).searchParams.get('edit'))
  const query = ImpactQuerySchema.safeParse(queryOf(args.request))
  if (!query.success)
    throw new Response(`months: ${query.error.issues[0]?.message}`, { status: 400 })
  const db = getDb()
  const page = versionPage(db, user, idParam(args.params, 'versionId'), editId)
  if (!page) throw new Response('Not found', { status: 404 })
  const { months } = query.data
  const { timeZone } = getOrganisationSettings(db)
  const impact = page.showsImpact
    ? await versionImpactView(db, page.version.id, months, nowOf(args.context), timeZone)
    : null
  return { ...page, months, impact }
}

type VersionContext = IntentContext & { db: DB; versionId: number; now: Date; here: string }

const back = (c: VersionContext) => redirect(c.here)

// Admins draft, edit, propose and withdraw; committee members sign off in their seat.
const INTENTS = {
  'save-criterion': intent({
    schema: CriterionSchema,
    capability: 'definition.draft',
    run: (v, c: VersionContext) => {
      const result = saveCriterion(c.db, c.user.id, c.versionId, v, c.now)
      return result.ok ? back(c) : result
    },
  }),
  'remove-criterion': intent({
    schema: VersionIntentSchema.pick({ criterionId: true }),
    formLevel: true,
    capability: 'definition.draft',
    run: (v, c: VersionContext) => {
      const result = removeCriterion(c.db, c.user.id, c.versionId, v.criterionId ?? 0, c.now)
      return result.ok ? back(c) : result
    },
  }),
  propose: intent({
    capability: 'definition.draft',
    run: (_, c: VersionContext) => {
      const result = proposeVersion(c.db, c.user.id, c.versionId, c.now)
      return result.ok ? back(c) : result
    },
  }),
  withdraw: intent({
    capability: 'definition.draft',
    run: (_, c: VersionContext) => {
      const result = withdrawVersion(c.db, c.user.id, c.versionId, c.now)
      return result.ok ? back(c) : result
    },
  }),
  'sign-off': intent({
    capability: 'definition.sign',
    run: (_, c: VersionContext) => {
      const result = signOff(c.db, c.user, c.versionId, c.now)
      return result.ok ? back(c) : result
    },
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const version = findVersion(args.params)
  const ctx = {
    user,
    db: getDb(),
    versionId: version.id,
    now: nowOf(args.context),
    here: `/definition/versions/${version.id}`,
  }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function Version() {
  const { version, canEdit, canWithdraw, editing, signOffAs, impact, months } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <PageHeader title={`Lead definition — version ${version.number}`}>
        <Link to="/definition" className="text-sm text-brand-700 underline">
          Lead definition
        </Link>
      </PageHeader>
      {actionData?.intent !== 'save-criterion' && formErrorOf(actionData) ? (
        <Alert tone="error">{formErrorOf(actionData)}</Alert>
      ) : null}
      <p className="text-slate-700">
        <span className="font-medium">{VERSION_STATUS_LABELS[version.status]}</span>
        {version.activatedAt ? ` · in force from ${version.activatedAt}` : ''}
        {version.supersededAt ? ` until ${version.supersededAt}` : ''}
        {version.status === 'proposed' && version.proposedAt
          ? ` · proposed ${version.proposedAt}`
          : ''}
      </p>

      <Card title="Criteria">
        <CriteriaList
          criteria={version.criteria}
          actions={
            canEdit
              ? (c) => (
                  <>
                    <Link to={`?edit=${c.id}`} className="text-sm text-brand-700 underline">
                      Edit<span className="sr-only"> {c.label}</span>
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="criterionId" value={c.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove-criterion"
                        className="text-sm text-red-700 underline"
                      >
                        Remove<span className="sr-only"> {c.label}</span>
                      </button>
                    </Form>
                  </>
                )
              : undefined
          }
        />
      </Card>

      {impact ? <VersionImpactCard view={impact} months={months} /> : null}

      {canEdit ? (
        <>
          <CriterionBuilder
            key={editing?.id ?? 'new'}
            editing={editing}
            lastResult={replyFor(actionData, 'save-criterion')}
          />
          <Card title="Propose">
            <p className="mb-3 text-sm text-slate-700">
              Proposing freezes this version. It becomes active once a sales-seat and a
              marketing-seat committee member have each signed it off.
            </p>
            <Form method="post">
              <ConfirmSubmit
                confirm={proposeConfirmation(version.number)}
                name="intent"
                value="propose"
                pendingLabel="Proposing…"
              >
                Propose
              </ConfirmSubmit>
            </Form>
          </Card>
        </>
      ) : null}

      {version.status !== 'draft' ? (
        <Card title="Sign-offs">
          <Signoffs
            signoffs={version.signoffs}
            pending={version.status === 'proposed' ? version.pendingSeats : []}
          />
          {signOffAs ? (
            <Form method="post" className="mt-4">
              <p className="mb-2 text-sm text-slate-700">
                You sit in the {SEAT_LABELS[signOffAs].toLowerCase()}. Signing off says your team
                agrees that a lead is what these criteria say.
              </p>
              <Button type="submit" name="intent" value="sign-off">
                Sign off
              </Button>
            </Form>
          ) : null}
          {canWithdraw ? (
            <Form method="post" className="mt-4">
              <p className="mb-2 text-sm text-slate-700">
                Withdrawing returns the version to draft so it can be changed; sign-offs given so
                far lapse.
              </p>
              <Button type="submit" name="intent" value="withdraw" variant="secondary">
                Withdraw to draft
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}
