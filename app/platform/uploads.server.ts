import { dirname, join, resolve } from 'node:path'
import { getEnv } from './env.server'

/** Uploaded files are kept beside the database, so that an import can be resumed after a restart. */
export function uploadDirectory(): string {
  return join(dirname(resolve(getEnv().DATABASE_PATH)), 'uploads')
}
