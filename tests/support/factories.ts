// Small fixtures for route tests, each made through the real domain functions (never raw SQL),
// so a fixture is valid by the app's own rules and stays so when those rules change. Route
// tests whose subject is not the demo build what they need here instead of seeding the demo.
import { DEMO_PASSWORD, DEMO_USERS } from '~/demo/seed.server'
import { casesOfLead } from '~/domain/cases/lists.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
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

let importSerial = 0

/**
 * A rejection a CRM made before Leadcourt, imported as history: a lead handed to `rep` (by
 * Maya) at `handedOverAt` with no clock, rejected in the CRM for `reason` at `rejectedAt`,
 * written by `upsertLead` as the import writes it (decision 25). Returns the lead's and the
 * imported case's ids.
 */
export function importedRejection(
  rep: string,
  options: {
    reason?: string
    handedOverAt?: Date
    rejectedAt?: Date
    fields?: Parameters<typeof handOverLead>[1]
    now?: Date
  } = {},
): { leadId: number; caseId: number } {
  const db = getDb()
  const handedOverAt = options.handedOverAt ?? new Date('2019-03-04T09:00:00Z')
  const label = options.reason ?? 'No budget'
  importSerial++
  const leadId = writtenLeadId(
    upsertLead(
      db,
      userId('maya'),
      LeadFieldsSchema.parse({
        externalId: `CRM-${process.pid}-${importSerial}`,
        email: `history${importSerial}@initech.example`,
        firstName: 'History',
        lastName: `${importSerial}`,
        company: 'Initech',
        employeeCount: '400',
        source: 'CRM',
        ...options.fields,
      }),
      {
        ownerId: userId(rep),
        arrival: {
          handedOverAt,
          clock: false,
          history: true,
          status: 'rejected',
          acceptedAt: null,
        },
        past: {
          rejected: {
            reason: { id: reasonId(label), label },
            at: options.rejectedAt ?? new Date(handedOverAt.getTime() + 24 * 3_600_000),
          },
          won: null,
        },
      },
      options.now ?? new Date(),
    ),
  )
  const c = casesOfLead(db, leadId)[0]
  if (c?.status !== 'imported') throw new Error(`Lead ${leadId} has no imported case`)
  return { leadId, caseId: c.id }
}
