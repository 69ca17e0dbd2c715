import { getImportJob } from '~/domain/import/jobs.server'
import { getDb } from '~/platform/db.server'

/** Waits for a started import to finish (it runs after the response, as in the app). */
export async function waitForImport(jobId: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = getImportJob(getDb(), jobId)
    if (job && (job.status === 'done' || job.status === 'failed')) return job
    if (Date.now() > deadline)
      throw new Error(`Import ${jobId} did not finish: ${JSON.stringify(job)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
