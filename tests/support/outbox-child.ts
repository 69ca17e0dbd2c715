// A child process for the outbox tests, on the database file given, killed by the test at a
// chosen moment:
//   concede <path> <caseId> <marketerId>  commits a concession (and its events), says
//                                          "committed", then hangs before anything handles them
//   hang <path>                            starts handling the outbox and hangs inside the
//                                          notifications consumer's transaction, after its
//                                          rows are written, saying "handling"
//   drain <path> <batch>                   drains the outbox in small batches beside another
//                                          process, and says how many events it handled
import { writeSync } from 'node:fs'
import { concedeCase } from '~/domain/cases/respond-to-case.server'
import { notificationsConsumer } from '~/domain/notifications/consumer.server'
import { drainBatch } from '~/platform/events/outbox.server'
import { drainOutbox } from '~/platform/jobs/runner.server'
import { openDatabase } from '~db/connection'

const [mode, path, ...rest] = process.argv.slice(2)
const db = openDatabase(path as string)
const hang = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)

if (mode === 'concede') {
  const result = concedeCase(db, Number(rest[1]), Number(rest[0]), 'nurture', new Date())
  writeSync(1, result.ok ? 'committed\n' : `refused ${JSON.stringify(result)}\n`)
  hang()
} else if (mode === 'hang') {
  drainOutbox(
    db,
    [
      {
        name: notificationsConsumer.name,
        handle(tx, event, now) {
          notificationsConsumer.handle(tx, event, now)
          writeSync(1, 'handling\n')
          hang()
        },
      },
    ],
    new Date(),
  )
} else if (mode === 'drain') {
  let handled = 0
  for (;;) {
    const batch = drainBatch(db, notificationsConsumer, new Date(), Number(rest[0]))
    handled += batch.handled
    if (!batch.more) break
    await new Promise((resolve) => setImmediate(resolve))
  }
  writeSync(1, `handled ${handled}\n`)
  db.$client.close()
}
