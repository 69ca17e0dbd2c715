// What Express refuses before Remix (decisions 21, 24, 27): a state-changing request from
// another site (403), and a method no route answers (405 with Allow). Under /api/ neither is a
// browser's refusal: the API never reads the session cookie, so the origin check (which guards
// the cookie) does not apply and the route answers, 401 without a token; and a method no API
// route answers is a 405 problem (application/problem+json), as every API error is.
import type { RequestHandler } from 'express'
import { problemAnswer } from '~/http/api.server'
import { ALLOWED_METHODS, isAllowedMethod, methodRefusal } from '~/http/form.server'
import { isApiRequest, isSameOriginRequest } from '~/http/origin.server'

export const CROSS_SITE_REFUSAL = 'This request came from another site and was refused.'

/** Refuses a state-changing request from another site, except under /api/. */
export const originCheck: RequestHandler = (req, res, next) => {
  if (isApiRequest(req.path)) return next()
  const url = `${req.protocol}://${req.get('host')}${req.originalUrl}`
  const headers = { get: (name: string) => req.get(name) ?? null }
  if (isSameOriginRequest({ method: req.method, url, headers })) return next()
  res.status(403).type('text/plain').send(CROSS_SITE_REFUSAL)
}

/**
 * Refuses a method no route answers, with its Allow header (Remix would drop the header of a
 * guard's 405 from a page's answer); every guard refuses it again (decision 24).
 */
export const methodCheck: RequestHandler = (req, res, next) => {
  if (isAllowedMethod(req.method)) return next()
  res.set('Allow', ALLOWED_METHODS)
  if (!isApiRequest(req.path)) {
    res.status(405).type('text/plain').send(methodRefusal(req.method))
    return
  }
  const answer = problemAnswer(
    405,
    'method-not-allowed',
    'Method Not Allowed',
    methodRefusal(req.method),
  )
  res
    .status(405)
    .set({ ...answer.headers, 'Cache-Control': 'no-store' })
    // `end`, not `send`: the Content-Type as the API's routes give it, without a charset.
    .end(JSON.stringify(answer.body))
}
