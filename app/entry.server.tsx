// Every page is rendered whole, then sent in one piece with its Content-Length. Leadcourt's
// loaders are synchronous and nothing is deferred, so streaming gains nothing; it only sent
// each page as dozens of small chunks (docs/performance.md measures the difference).
import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from '~/components/nonce'

const ABORT_DELAY_MS = 5_000

/**
 * What Remix logs. Its own refusals (a POST to a page that takes none: 405; an unknown data
 * request: 404) are answers to the client, not faults, and anyone could fill the log with their
 * stack traces; a request the client gave up on is not a fault either. Everything else is.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (isRouteErrorResponse(error) && error.status < 500) return
  if (request.signal.aborted) return
  console.error(error)
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The page's inline scripts carry the nonce that the Content-Security-Policy of this response
  // names (server/security-headers.ts, decision 21).
  const nonce = loadContext.cspNonce
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY_MS}
          nonce={nonce}
        />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = []
          const body = new PassThrough()
          body.on('data', (chunk: Buffer) => chunks.push(chunk))
          body.on('error', reject)
          body.on('end', () => {
            const html = Buffer.concat(chunks)
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
            responseHeaders.set('Content-Length', String(html.length))
            resolve(new Response(html, { headers: responseHeaders, status }))
          })
          pipe(body)
        },
        onShellError: reject,
        onError(error) {
          status = 500
          console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY_MS)
  })
}
