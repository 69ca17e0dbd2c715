// `npm run sweep`: opens an "ignored" case for every lead on DATABASE_PATH whose follow-up clock
// has run out. Safe to run at any time, and beside the server's own sweep: it works in short
// batches and pauses between them, so the server (or another sweep) gets the database in turn.
// Then it hands the new cases' events to their consumers (the notifications), as the server's
// job runner would.

import { setTimeout as sleep } from 'node:timers/promises'
import { drainEvents } from '~/domain/jobs.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { sweepIgnoredLeads } from '~/domain/sales/sweep.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'

const BATCH = 200
const db = getDb()
prepareDatabase(db)
const now = new Date()
let opened = 0
for (;;) {
  const batch = sweepIgnoredLeads(db, now, { maxBatches: 1, batchSize: BATCH })
  opened += batch
  if (batch < BATCH) break
  await sleep(5)
}
drainEvents(db, new Date())
console.log(`Sweep of ${getEnv().DATABASE_PATH}: opened ${opened} ignored case(s).`)
db.$client.close()
