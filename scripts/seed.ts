// `npm run seed`: migrates DATABASE_PATH and fills it with the demo data if it has no users.

import { getDb, prepareDatabase } from '~/lib/db.server'
import { seedDemo } from '~/lib/demo-seed.server'
import { getEnv } from '~/lib/env.server'

const db = getDb()
prepareDatabase(db)
const seeded = await seedDemo(db, new Date())
console.log(
  seeded
    ? `Seeded the demo data into ${getEnv().DATABASE_PATH}.`
    : `${getEnv().DATABASE_PATH} already has users; nothing seeded.`,
)
