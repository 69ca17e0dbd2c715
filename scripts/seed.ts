// `npm run seed`: migrates DATABASE_PATH and fills it with the demo data if it has no users.

import { seedDemo } from '~/demo/seed.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'

const db = getDb()
prepareDatabase(db)
const seeded = await seedDemo(db, new Date())
console.log(
  seeded
    ? `Seeded the demo data into ${getEnv().DATABASE_PATH}.`
    : `${getEnv().DATABASE_PATH} already has users; nothing seeded.`,
)
