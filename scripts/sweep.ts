// `npm run sweep`: opens an "ignored" case for every lead on DATABASE_PATH whose follow-up clock
// has run out. Safe to run at any time, and beside the server's own sweep.

import { getDb, prepareDatabase } from '~/lib/db.server'
import { getEnv } from '~/lib/env.server'
import { sweepIgnoredLeads } from '~/lib/sales.server'

const db = getDb()
prepareDatabase(db)
const opened = sweepIgnoredLeads(db, new Date())
console.log(`Sweep of ${getEnv().DATABASE_PATH}: opened ${opened} ignored case(s).`)
db.$client.close()
