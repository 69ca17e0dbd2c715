import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CriteriaList } from '~/components/criteria-list'
import { CriterionBuilder } from '~/components/criterion-builder'
import { Signoffs } from '~/components/signoffs'
import { Alert, Button, Card, PageHeader } from '~/components/ui'
import { removeCriterion, saveCriterion } from '~/domain/definition/drafting.server'
import { VERSION_STATUS_LABELS } from '~/domain/definition/labels'
import { proposeVersion, withdrawVersion } from '~/domain/definition/proposal.server'
import { CriterionSchema, VersionIntentSchema } from '~/domain/definition/schema'
import { signOff } from '~/domain/definition/sign-off.server'
import { versionView } from '~/domain/definition/view.server'
import { hasRole, SEAT_LABELS } from '~/domain/people/roles'
import { ensureRole, requireUser } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Lead definition version ${data?.version.number ?? ''} · Leadcourt` },
]

function findVersion(params: Record<string, string | undefined>) {
  const version = versionView(getDb(), idParam(params, 'versionId'))
  if (!version) throw new Response('Not found', { status: 404 })
  return version
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const version = findVersion(params)
  const editId = Number(new URL(request.url).searchParams.get('edit'))
  const canEdit = hasRole(user, 'admin') && version.status === 'draft'
  const seat = user.seat
  return {
    version,
    canEdit,
    canWithdraw: hasRole(user, 'admin') && version.status === 'proposed',
    editing: canEdit ? (version.criteria.find((c) => c.id === editId) ?? null) : null,
    signOffAs:
      hasRole(user, 'committee') &&
      version.status === 'proposed' &&
      seat !== null &&
      version.pendingSeats.includes(seat)
        ? seat
        : null,
  }
}

const notice = (text: string) => ({ result: null, error: text })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const version = findVersion(params)
  const formData = await request.formData()
  const intent = VersionIntentSchema.safeParse(Object.fromEntries(formData))
  if (!intent.success) return data(notice('Unknown action'), { status: 400 })
  const db = getDb()
  const now = new Date()
  const here = `/definition/versions/${version.id}`
  const refused = (fieldErrors: Record<string, string[]>) =>
    data(notice(Object.values(fieldErrors).flat().join(' ')), { status: 400 })

  switch (intent.data.intent) {
    case 'save-criterion': {
      ensureRole(user, 'admin')
      const submission = parseWithZod(formData, { schema: CriterionSchema })
      if (submission.status !== 'success')
        return data({ result: submission.reply(), error: null }, { status: 400 })
      const result = saveCriterion(db, user.id, version.id, submission.value, now)
      if (!result.ok) {
        const { form, ...fieldErrors } = result.fieldErrors
        return data(
          { result: submission.reply({ formErrors: form, fieldErrors }), error: null },
          { status: 400 },
        )
      }
      return redirect(here)
    }
    case 'remove-criterion': {
      ensureRole(user, 'admin')
      const result = removeCriterion(db, user.id, version.id, intent.data.criterionId ?? 0, now)
      return result.ok ? redirect(here) : refused(result.fieldErrors)
    }
    case 'propose': {
      ensureRole(user, 'admin')
      const result = proposeVersion(db, user.id, version.id, now)
      return result.ok ? redirect(here) : refused(result.fieldErrors)
    }
    case 'withdraw': {
      ensureRole(user, 'admin')
      const result = withdrawVersion(db, user.id, version.id, now)
      return result.ok ? redirect(here) : refused(result.fieldErrors)
    }
    case 'sign-off': {
      ensureRole(user, 'committee')
      const result = signOff(db, user, version.id, now)
      return result.ok ? redirect(here) : refused(result.fieldErrors)
    }
  }
}

export default function Version() {
  const { version, canEdit, canWithdraw, editing, signOffAs } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <PageHeader title={`Lead definition — version ${version.number}`}>
        <Link to="/definition" className="text-sm text-brand-700 underline">
          Lead definition
        </Link>
      </PageHeader>
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
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

      {canEdit ? (
        <>
          <CriterionBuilder
            key={editing?.id ?? 'new'}
            editing={editing}
            lastResult={actionData?.result}
          />
          <Card title="Propose">
            <p className="mb-3 text-sm text-slate-700">
              Proposing freezes this version. It becomes active once a sales-seat and a
              marketing-seat committee member have each signed it off.
            </p>
            <Form method="post">
              <Button type="submit" name="intent" value="propose">
                Propose
              </Button>
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
