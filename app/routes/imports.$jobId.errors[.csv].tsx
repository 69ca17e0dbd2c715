import type { LoaderFunctionArgs } from '@remix-run/node'
import { importErrorRows } from '~/domain/import/errors.server'
import { getImportJob } from '~/domain/import/jobs.server'
import { csvDownload } from '~/http/csv-download.server'
import { requireAccess } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { csvFileName, csvStream } from '~/platform/csv'
import { getDb } from '~/platform/db.server'

function* failedRows(jobId: number) {
  yield ['line', 'lead', 'reason']
  for (const row of importErrorRows(getDb(), jobId)) yield [row.line, row.identifier, row.reason]
}

/** The failed rows of an import as CSV: line, lead, reason; streamed, however many there are. */
export async function loader(args: LoaderFunctionArgs) {
  const { params } = args
  await requireAccess(args, 'imports.run')
  const job = getImportJob(getDb(), idParam(params, 'jobId'))
  if (!job) throw new Response('Not found', { status: 404 })
  const name = csvFileName(job.fileName.replace(/\.csv$/i, ''), 'failed rows')
  return csvDownload(name, csvStream(failedRows(job.id)))
}
