import { type DB, openDatabase } from '~db/connection'
import { getEnv } from './env.server'

let db: DB | undefined

/** The app's one connection, opened on DATABASE_PATH. Migrations run at server start-up. */
export function getDb(): DB {
  db ??= openDatabase(getEnv().DATABASE_PATH)
  return db
}
