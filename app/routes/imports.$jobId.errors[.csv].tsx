import { Readable } from 'node:stream'
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { stringify } from 'csv-stringify'
import { importErrorRows } from '~/domain/import/errors.server'
import { getImportJob } from '~/domain/import/jobs.server'
import { requireAccess } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { getDb } from '~/platform/db.server'

/** The failed rows of an import as CSV: line, lead, reason; streamed, however many there are. */
export async function loader(args: LoaderFunctionArgs) {
  const { params } = args
  await requireAccess(args, 'imports.run')
  const job = getImportJob(getDb(), idParam(params, 'jobId'))
  if (!job) throw new Response('Not found', { status: 404 })
  const rows = Readable.from(importErrorRows(getDb(), job.id)).pipe(
    stringify({
      header: true,
      columns: [
        { key: 'line', header: 'line' },
        { key: 'identifier', header: 'lead' },
        { key: 'reason', header: 'reason' },
      ],
    }),
  )
  const name = `${job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_')}-failed-rows.csv`
  return new Response(createReadableStreamFromReadable(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  })
}
