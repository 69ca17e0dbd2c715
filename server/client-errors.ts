// Errors Express meets before Remix that are the client's, not the server's: an address that is
// not valid percent-encoding (`/%E0%A4%A`, which the static files' decoder refuses), and any
// other error that carries a 4xx status. They are answered with that status in a sentence,
// without the stack trace Express would log for each (anyone could fill the log with them);
// every other error goes on to Express's handler, which logs it.
import type { ErrorRequestHandler } from 'express'

const SENTENCES: Record<number, string> = {
  400: 'The address or the request is malformed.',
  413: 'The request is too large.',
  415: 'The request’s body is not a form.',
}

function clientStatusOf(error: unknown): number | null {
  if (error instanceof URIError) return 400
  const status = (error as { status?: unknown; statusCode?: unknown } | null | undefined) ?? {}
  const code = typeof status.status === 'number' ? status.status : status.statusCode
  return typeof code === 'number' && code >= 400 && code < 500 ? code : null
}

export const clientErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const status = clientStatusOf(error)
  if (status === null || res.headersSent) return next(error)
  res
    .status(status)
    .type('text/plain')
    .send(SENTENCES[status] ?? 'The request was refused.')
}
