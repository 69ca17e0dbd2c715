import type { LoaderFunctionArgs } from '@remix-run/node'
import { importErrorRows } from '~/domain/import/errors.server'
import { getImportJob } from '~/domain/import/jobs.server'
import { csvDownload } from '~/http/csv-download.server'
import { requireAccess } from '~/http/guards.server'
import { idParam } from '~/http/params'
import { csvFileName, csvStream } from '~/platform/csv'
import { getDb } from '~/platform/db.server'

function* heldBackRows(jobId: number) {
  yield ['line', 'lead', 'reason']
  for (const row of importErrorRows(getDb(), jobId, 'held'))
    yield [row.line, row.identifier, row.reason]
}

/** The rows an import held back for not meeting the definition, as CSV: line, lead, reason. */
export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'imports.run')
  const job = getImportJob(getDb(), idParam(args.params, 'jobId'))
  if (!job) throw new Response('Not found', { status: 404 })
  const name = csvFileName(job.fileName.replace(/\.csv$/i, ''), 'held back rows')
  return csvDownload(name, csvStream(heldBackRows(job.id)))
}
