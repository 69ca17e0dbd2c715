import { getDb } from '~/lib/db.server'
import { getImportJob } from '~/lib/import/importer.server'

/** Waits for a started import to finish (it runs after the response, as in the app). */
export async function waitForImport(jobId: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = getImportJob(getDb(), jobId)
    if (job && (job.status === 'done' || job.status === 'failed')) return job
    if (Date.now() > deadline)
      throw new Error(`Import ${jobId} did not finish: ${JSON.stringify(job)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
