import { type AppLoadContext, createCookie, redirect } from '@remix-run/node'
import { type Capability, can } from '~/domain/people/access'
import { findUserForSignIn } from '~/domain/people/users.server'
import { getOrCreateSessionSecret } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { verifyAgainstDummy, verifyPassword } from '~/platform/password.server'
import {
  beginSignInAttempt,
  markSignInSucceeded,
  recordFailedSignIn,
} from '~/platform/rate-limit.server'
import {
  createSession,
  deleteSession,
  findSessionUser,
  loadSessionUser,
  type SessionUser,
  sessionLimits,
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
    // As long as the session's absolute lifetime (SESSION_MAX_AGE_DAYS); the server also ends
    // it sooner when it is left unused (decision 22).
    maxAge: Math.floor(sessionLimits(env.SESSION_MAX_AGE_DAYS).maxAgeMs / 1000),
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

// Kept here so that routes import every guard from one module.
export { safeRedirectTo } from './safe-redirect'

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
  | { ok: false; reason: 'throttled'; until: Date }

/**
 * Checks the throttle (a held-back attempt never reaches the password check), verifies the
 * password, records the attempt (and a wrong password in the owner's tally) and opens a session.
 */
export async function signIn(
  db: DB,
  attempt: { email: string; password: string; address: string },
  now: Date,
): Promise<SignInResult> {
  const begun = beginSignInAttempt(db, attempt, now)
  if ('wait' in begun) return { ok: false, reason: 'throttled', until: begun.wait.until }
  const found = findUserForSignIn(db, attempt.email)
  const valid = found
    ? await verifyPassword(attempt.password, found.passwordHash)
    : await verifyAgainstDummy(attempt.password)
  if (found && !valid) recordFailedSignIn(db, found.id, attempt.address, now)
  const user = valid && found?.active ? loadSessionUser(db, found.id, now) : null
  if (!user) return { ok: false, reason: 'invalid' }
  // The attempt's success and the session are one write: neither stands without the other.
  const sessionId = db.transaction(
    (tx) => {
      markSignInSucceeded(tx, begun.attemptId)
      return createSession(tx, user.id, now)
    },
    { behavior: 'immediate' },
  )
  return { ok: true, sessionId, user }
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
