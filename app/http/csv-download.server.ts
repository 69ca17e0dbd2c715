// A CSV as a download: the one writer's text or stream (app/platform/csv.ts) with its headers.
import type { Readable } from 'node:stream'
import { createReadableStreamFromReadable } from '@remix-run/node'

/** A CSV download named `fileName` (anything but letters, digits, ".", "-" and "_" becomes "_"). */
export function csvDownload(fileName: string, body: string | Readable): Response {
  const name = fileName.replace(/[^\w.-]+/g, '_')
  return new Response(typeof body === 'string' ? body : createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  })
}
