// Small fixtures for route tests, each made through the real domain functions (never raw SQL),
// so a fixture is valid by the app's own rules and stays so when those rules change. Route
// tests whose subject is not the demo build what they need here instead of seeding the demo.
import { DEMO_PASSWORD, DEMO_USERS } from '~/demo/seed.server'
import type { UserInput } from '~/domain/people/schema'
import { insertUser } from '~/domain/people/users.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { updateOrganisationSettings } from '~/domain/settings/settings.server'
import { getDb } from '~/platform/db.server'
import { hashPassword } from '~/platform/password.server'
import { handOverLead, userId } from './leads'

/** The password of everyone a factory makes: the demo's. */
export const PASSWORD = DEMO_PASSWORD

/**
 * The people route tests know by first name (`userId('dana')`, `signInAs('felix@…')`): the
 * demo's team of three reps, two marketers, a committee of three (the sales and marketing seats
 * and the chair), a leader and an admin, in an organisation in London.
 */
export const TEAM: UserInput[] = DEMO_USERS

let hashed: Promise<string> | undefined
/**
 * PASSWORD hashed once per test file and shared by everyone a factory makes; at the suite's
 * cost (PASSWORD_HASH_COST=test), since these tests are not about hashing.
 */
const passwordHash = () => {
  hashed ??= hashPassword(PASSWORD)
  return hashed
}

/**
 * A person with these roles (and seat, and chair), added by the system as the setup page adds
 * the first admin, who signs in with PASSWORD. The e-mail is their first name at
 * brightline.test unless given. Returns their id.
 */
export async function createUser(
  person: Omit<UserInput, 'email' | 'isChair'> & { email?: string; isChair?: boolean },
  now = new Date(),
): Promise<number> {
  const email = person.email ?? `${person.name.split(' ')[0]?.toLowerCase()}@brightline.test`
  const created = insertUser(
    getDb(),
    null,
    { isChair: false, ...person, email },
    { passwordHash: await passwordHash(), mustChangePassword: false },
    now,
  )
  if (!created.ok) throw new Error(`${email} could not be made: ${JSON.stringify(created)}`)
  return created.userId
}

/**
 * The organisation (Brightline Systems, in Europe/London) and the TEAM, in that order, at `now`:
 * eleven audit entries, the settings first and Sasha last.
 */
export async function seedTeam(now = new Date()): Promise<void> {
  updateOrganisationSettings(
    getDb(),
    null,
    { organisationName: 'Brightline Systems', timeZone: 'Europe/London' },
    now,
  )
  for (const person of TEAM) await createUser(person, now)
}

/** The id of a rejection reason by its label (the migrations add ten). */
function reasonId(label: string): number {
  const reason = listReasons(getDb()).find((r) => r.label === label)
  if (!reason) throw new Error(`No reason "${label}"`)
  return reason.id
}

/**
 * A case opened by rejection: a lead handed to `rep` (by Maya unless told) and rejected by them
 * for `reason` at `at` (now unless given). Returns the lead's and the case's ids.
 */
export function rejectedLead(
  rep: string,
  options: {
    reason?: string
    notes?: string
    contactAttempts?: number
    fields?: Parameters<typeof handOverLead>[1]
    marketer?: string
    handedOverAt?: Date
    at?: Date
  } = {},
): { leadId: number; caseId: number } {
  const leadId = handOverLead(rep, options.fields ?? {}, {
    ...(options.handedOverAt ? { at: options.handedOverAt } : {}),
    ...(options.marketer ? { marketer: options.marketer } : {}),
  })
  const reason = options.reason ?? 'No need'
  const rejected = rejectLead(
    getDb(),
    { id: userId(rep) },
    leadId,
    {
      reasonId: reasonId(reason),
      notes: options.notes ?? reason,
      contactAttempts: options.contactAttempts ?? 1,
    },
    options.at ?? new Date(),
  )
  if (!rejected.ok) throw new Error(`The rejection was refused: ${JSON.stringify(rejected)}`)
  return { leadId, caseId: rejected.caseId }
}
