import type { DB } from '~db/connection'
import { hashPassword } from './password.server'
import { updateOrganisationSettings } from './settings.server'
import type { UserInput } from './user-schema'
import { countUsers, insertUser } from './users.server'

export const DEMO_PASSWORD = 'demo-password'

export const DEMO_USERS: UserInput[] = [
  { name: 'Dana Reyes', email: 'dana@brightline.test', roles: ['rep'], isChair: false },
  { name: 'Omar Haddad', email: 'omar@brightline.test', roles: ['rep'], isChair: false },
  { name: 'Lucy Chen', email: 'lucy@brightline.test', roles: ['rep'], isChair: false },
  { name: 'Maya Patel', email: 'maya@brightline.test', roles: ['marketer'], isChair: false },
  { name: 'Ben Okafor', email: 'ben@brightline.test', roles: ['marketer'], isChair: false },
  {
    name: 'Victor Lindqvist',
    email: 'victor@brightline.test',
    roles: ['committee'],
    seat: 'sales',
    isChair: false,
  },
  {
    name: 'Clara Moreau',
    email: 'clara@brightline.test',
    roles: ['committee'],
    seat: 'marketing',
    isChair: false,
  },
  {
    name: 'Erin Walsh',
    email: 'erin@brightline.test',
    roles: ['committee'],
    seat: 'executive',
    isChair: true,
  },
  { name: 'Felix Novak', email: 'felix@brightline.test', roles: ['leadership'], isChair: false },
  { name: 'Sasha Ivanova', email: 'sasha@brightline.test', roles: ['admin'], isChair: false },
]

/** Fills an empty database with Brightline Systems' demo data. Returns false (and does nothing) if it has users. */
export async function seedDemo(db: DB, now: Date): Promise<boolean> {
  if (countUsers(db) > 0) return false
  // Each user gets their own salt; hashing runs on libuv's thread pool in parallel.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)))
  return db.transaction(
    (tx) => {
      // Checked again inside the transaction: two processes starting at once seed once.
      if (countUsers(tx) > 0) return false
      updateOrganisationSettings(
        tx,
        null,
        { organisationName: 'Brightline Systems', timeZone: 'Europe/London' },
        now,
      )
      DEMO_USERS.forEach((user, i) => {
        insertUser(
          tx,
          null,
          user,
          { passwordHash: hashes[i] as string, mustChangePassword: false },
          now,
        )
      })
      return true
    },
    { behavior: 'immediate' },
  )
}
