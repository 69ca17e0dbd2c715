// Saving a view of a list (decision 42): the views menu on /leads, /cases and /review posts
// here; success goes back to the list with the view's filters and sort (303).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { Alert, PageHeader } from '~/components/ui'
import { can } from '~/domain/people/access'
import { saveView } from '~/domain/views/save-view.server'
import { LIST_PATHS, SaveViewSchema } from '~/domain/views/schema'
import { readForm } from '~/http/form.server'
import { ensureAccess, requireUser } from '~/http/guards.server'
import { type IntentContext, intent, runAction } from '~/http/intents.server'
import { viewQueryOf } from '~/http/list-query'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Save a view · Leadcourt' }]

/** There is no page of views of its own: each list shows its views in its menu. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  return redirect(can(user, 'leads.read') ? '/leads' : '/')
}

const SAVE_VIEW = intent({
  schema: SaveViewSchema,
  run: (v, c: IntentContext & { now: Date }) => {
    // A view of the review queue is for those who may open it.
    if (v.list === 'review') ensureAccess(c.user, 'review.read')
    return saveView(getDb(), c.user.id, { ...v, query: viewQueryOf(v.query) }, c.now)
  },
  redirect: (done) => {
    const query = done.view.query
    return `${LIST_PATHS[done.view.list]}${query ? `?${query}` : ''}`
  },
})

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  return runAction(
    await readForm(args.request),
    { user, now: nowOf(args.context) },
    SAVE_VIEW,
    'save-view',
  )
}

/** Without JavaScript, a refused save lands here: say why, and lead back. */
export default function SaveViewRefused() {
  const reply = useActionData<typeof action>()
  const messages = Object.values(reply?.result?.error ?? {}).flat()
  return (
    <div className="space-y-4">
      <PageHeader title="The view was not saved" />
      {messages.length ? <Alert tone="error">{messages.join(' ')}</Alert> : null}
      <Link to="/leads" className="text-brand-700 underline">
        Back to the leads
      </Link>
    </div>
  )
}
