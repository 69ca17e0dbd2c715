// One saved view (decision 42): opening it goes to its list with its filters and sort; a POST
// deletes it. Another person's view is a 404, like one that does not exist.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { deleteView } from '~/domain/views/delete-view.server'
import { ownView } from '~/domain/views/own-view.server'
import { LIST_PATHS } from '~/domain/views/schema'
import { readForm } from '~/http/form.server'
import { requireUser } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { idParam } from '~/http/params'
import { getDb } from '~/platform/db.server'

const notFound = () => new Response('Not found', { status: 404 })

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args)
  const view = ownView(getDb(), user.id, idParam(args.params, 'viewId'))
  if (!view) throw notFound()
  return redirect(`${LIST_PATHS[view.list]}${view.query ? `?${view.query}` : ''}`)
}

type ViewContext = IntentContext & { viewId: number }

const INTENTS = {
  'delete-view': intent({
    run: (_v, c: ViewContext) => {
      const deleted = deleteView(getDb(), c.user.id, c.viewId)
      if (!deleted) throw notFound()
      return { ok: true as const, list: deleted.list }
    },
    redirect: (done) => LIST_PATHS[done.list],
  }),
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args)
  const viewId = idParam(args.params, 'viewId')
  return dispatchIntent(await readForm(args.request), { user, viewId }, INTENTS)
}
