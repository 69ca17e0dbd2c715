import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { requireUser, signOut } from '~/http/guards.server'

export async function loader() {
  return redirect('/')
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  await requireUser(args, { allowPendingPasswordChange: true })
  return redirect('/sign-in', { headers: { 'Set-Cookie': await signOut(request) } })
}
