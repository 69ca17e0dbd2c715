import { type AppLoadContext, createCookie, redirect } from '@remix-run/node'
import { type Capability, can } from '~/domain/people/access'
import { findUserForSignIn } from '~/domain/people/users.server'
import { getOrCreateSessionSecret } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { verifyAgainstDummy, verifyPassword } from '~/platform/password.server'
import { beginSignInAttempt, markSignInSucceeded } from '~/platform/rate-limit.server'
import {
  createSession,
  deleteSession,
  findSessionUser,
  loadSessionUser,
  type SessionUser,
} from '~/platform/session.server'
import type { DB } from '~db/connection'
import { nowOf } from '../load-context'
import { requireFormSubmission } from './form.server'
import { requireSameOrigin } from './origin.server'

export type { SessionUser }

/** What a guard needs of a loader's or action's arguments: the request and the load context. */
type RouteArgs = { request: Request; context: AppLoadContext }

let sessionCookie: ReturnType<typeof createCookie> | undefined

/** The cookie carries only the signed session id; the session itself lives in the database. */
function getSessionCookie() {
  const env = getEnv()
  sessionCookie ??= createCookie('lc_session', {
    secrets: [getOrCreateSessionSecret(getDb(), env.SESSION_SECRET)],
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    // Browsers cap cookies at 400 days; the server ends sessions after 30 days of disuse.
    maxAge: 400 * 24 * 60 * 60,
  })
  return sessionCookie
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' ? value : null
}

export async function getUser({ request, context }: RouteArgs): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request)
  return sessionId ? findSessionUser(getDb(), sessionId, nowOf(context)) : null
}

const LOCAL = 'http://leadcourt.invalid'

/** A path on this site to return to after sign-in; anything that could leave the site becomes `fallback`. */
function safeRedirectTo(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  // Browsers read a backslash as "/" and drop tabs and newlines, so "/\\evil.test" leaves the site.
  if (/[\\\s]/.test(to)) return fallback
  try {
    const url = new URL(to, LOCAL)
    return url.origin === LOCAL ? `${url.pathname}${url.search}${url.hash}` : fallback
  } catch {
    return fallback
  }
}

export { safeRedirectTo }

/** Throws a redirect to the sign-in page unless someone is signed in (and has no pending password change). */
export async function requireUser(
  args: RouteArgs,
  options: { allowPendingPasswordChange?: boolean } = {},
): Promise<SessionUser> {
  const { request } = args
  requireSameOrigin(request)
  requireFormSubmission(request)
  const user = await getUser(args)
  const url = new URL(request.url)
  if (!user) {
    const back = `${url.pathname}${url.search}`
    throw redirect(`/sign-in${back === '/' ? '' : `?redirectTo=${encodeURIComponent(back)}`}`)
  }
  if (user.mustChangePassword && !options.allowPendingPasswordChange) {
    throw redirect('/account/password')
  }
  return user
}

/** Throws 403 unless the signed-in user has the capability (see the access table). */
export async function requireAccess(args: RouteArgs, capability: Capability): Promise<SessionUser> {
  const user = await requireUser(args)
  ensureAccess(user, capability)
  return user
}

/** Throws 403 unless an already signed-in user has the capability (for actions whose intent decides it). */
export function ensureAccess(user: SessionUser, capability: Capability): void {
  if (!can(user, capability)) throw new Response('Forbidden', { status: 403 })
}

/** For the sign-in and setup pages: someone already signed in goes home. */
export async function requireAnonymous(args: RouteArgs): Promise<void> {
  requireSameOrigin(args.request)
  requireFormSubmission(args.request)
  if (await getUser(args)) throw redirect('/')
}

type SignInResult =
  | { ok: true; sessionId: string; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date }

/** Checks the lockouts, verifies the password, records the attempt and opens a session. */
export async function signIn(
  db: DB,
  attempt: { email: string; password: string; address: string },
  now: Date,
): Promise<SignInResult> {
  const begun = beginSignInAttempt(db, attempt, now)
  if ('locked' in begun) return { ok: false, reason: 'locked', until: begun.locked }
  const found = findUserForSignIn(db, attempt.email)
  const valid = found
    ? await verifyPassword(attempt.password, found.passwordHash)
    : await verifyAgainstDummy(attempt.password)
  const user = valid && found?.active ? loadSessionUser(db, found.id) : null
  if (!user) return { ok: false, reason: 'invalid' }
  markSignInSucceeded(db, begun.attemptId)
  return { ok: true, sessionId: createSession(db, user.id, now), user }
}

export async function commitSessionCookie(sessionId: string) {
  return getSessionCookie().serialize(sessionId)
}

/** Deletes the session on the server and clears the cookie. */
export async function signOut(request: Request): Promise<string> {
  const sessionId = await readSessionId(request)
  if (sessionId) deleteSession(getDb(), sessionId)
  return getSessionCookie().serialize('', { maxAge: 0 })
}
