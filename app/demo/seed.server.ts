import { lt, sql } from 'drizzle-orm'
import { saveCriterion, startDraft } from '~/domain/definition/drafting.server'
import { proposeVersion } from '~/domain/definition/proposal.server'
import { signOff } from '~/domain/definition/sign-off.server'
import { criteriaOf } from '~/domain/definition/versions.server'
import { drainEvents } from '~/domain/jobs.server'
import { currentHandOver, type HandOver } from '~/domain/leads/hand-over.server'
import { activeReps } from '~/domain/leads/owners.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import type { UserInput } from '~/domain/people/schema'
import { countUsers, insertUser } from '~/domain/people/users.server'
import { listReasons } from '~/domain/reasons/reasons.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { getWorkingCalendar, updateOrganisationSettings } from '~/domain/settings/settings.server'
import { HOUR } from '~/domain/sla/clock'
import { hashPassword } from '~/platform/password.server'
import type { DB, Queryable } from '~db/connection'
import { notifications } from '~db/schema'
import { DEMO_DEFINITION, demoLeads, random } from './data.server'
import { seedDemoCases, seedTradeShowCohort } from './judicial.server'
import { seedDefinitionQuality } from './lifecycle-definition.server'
import { seedNurturePool } from './lifecycle-nurture.server'
import { seedLifecycleReminders } from './lifecycle-reminders.server'
import { seedLifecycleSales } from './lifecycle-sales.server'
import { seedDemoMail } from './mail.server'
import { actOnDemoLead, linkDemoReasons } from './sales.server'
import { seedDemoWebhooks } from './webhooks.server'

export const DEMO_PASSWORD = 'leadcourt-demo'

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

const DAY = 24 * 3600 * 1000
const DEMO_TIME_ZONE = 'Europe/London'
const FRESH_LEADS = 12
// Before them, a busy week: leads from the last 3 to 9 days, so the committee has open cases
// that are not yet overdue.
const RECENT_LEADS = 20

/** Version 1 of the definition: drafted by Sasha, signed off by Victor (sales) and Clara (marketing). */
function seedDefinition(db: Queryable, id: (email: string) => number, at: Date) {
  const check = <T extends { ok: boolean }>(result: T): T => {
    if (!result.ok)
      throw new Error(`The demo definition could not be made: ${JSON.stringify(result)}`)
    return result
  }
  const admin = id('sasha@brightline.test')
  const draft = startDraft(db, admin, 'empty', at)
  if (!draft.ok) throw new Error('The demo definition could not be drafted')
  for (const criterion of DEMO_DEFINITION)
    check(saveCriterion(db, admin, draft.versionId, criterion, at))
  check(proposeVersion(db, admin, draft.versionId, at))
  const signAt = new Date(at.getTime() + DAY / 2)
  check(
    signOff(
      db,
      { id: id('victor@brightline.test'), roles: ['committee'], seat: 'sales' },
      draft.versionId,
      signAt,
    ),
  )
  check(
    signOff(
      db,
      { id: id('clara@brightline.test'), roles: ['committee'], seat: 'marketing' },
      draft.versionId,
      signAt,
    ),
  )
}

/**
 * Version 2, half a year ago: after six months of cases, both teams agreed that an engagement
 * score of 50 (not 40) makes a lead, and signed it off.
 */
function seedDefinitionV2(db: Queryable, id: (email: string) => number, at: Date) {
  const admin = id('sasha@brightline.test')
  const draft = startDraft(db, admin, 'active', at)
  if (!draft.ok) throw new Error('The demo definition v2 could not be drafted')
  const engagement = criteriaOf(db, draft.versionId).find((c) => c.key === 'engagement')
  if (!engagement) throw new Error('The demo definition has no engagement criterion')
  const saved = saveCriterion(
    db,
    admin,
    draft.versionId,
    {
      ...engagement,
      criterionId: engagement.id,
      value: 50,
      description:
        'An engagement score of 50 or more. Raised from 40 after six months of cases: leads between 40 and 50 were mostly overturned rejections nobody could call.',
    },
    at,
  )
  if (!saved.ok) throw new Error('The demo definition v2 could not be changed')
  proposeVersion(db, admin, draft.versionId, at)
  const signAt = new Date(at.getTime() + DAY / 2)
  signOff(
    db,
    { id: id('victor@brightline.test'), roles: ['committee'], seat: 'sales' },
    draft.versionId,
    signAt,
  )
  signOff(
    db,
    { id: id('clara@brightline.test'), roles: ['committee'], seat: 'marketing' },
    draft.versionId,
    signAt,
  )
  return signAt
}

/** Fills an empty database with Brightline Systems' demo data. Returns false (and does nothing) if it has users. */
export async function seedDemo(
  db: DB,
  now: Date,
  options: { data: boolean } = { data: true },
): Promise<boolean> {
  if (countUsers(db) > 0) return false
  // Each user gets their own salt. Hashes run one at a time (password.server.ts queues them:
  // scrypt takes 128 MB per hash at production cost), before the transaction opens.
  const hashes: string[] = []
  for (const _ of DEMO_USERS) hashes.push(await hashPassword(DEMO_PASSWORD))
  return db.transaction(
    (tx) => {
      // Checked again inside the transaction: two processes starting at once seed once.
      if (countUsers(tx) > 0) return false
      updateOrganisationSettings(
        tx,
        null,
        { organisationName: 'Brightline Systems', timeZone: DEMO_TIME_ZONE },
        now,
      )
      // The demo keeps the default working hours (09:00–17:00, Monday to Friday).
      const calendar = getWorkingCalendar(tx)
      const ids = new Map<string, number>()
      DEMO_USERS.forEach((user, i) => {
        const created = insertUser(
          tx,
          null,
          user,
          { passwordHash: hashes[i] as string, mustChangePassword: false },
          now,
        )
        if (created.ok) ids.set(user.email, created.userId)
      })
      if (!options.data) return true
      const id = (email: string) => ids.get(email) as number
      seedDefinition(tx, id, new Date(now.getTime() - 366 * DAY))
      linkDemoReasons(tx, id('sasha@brightline.test'), new Date(now.getTime() - 365 * DAY))
      const reps = activeReps(tx)
      const handOvers = new Map<string, HandOver>()
      const handOverBy = (marketer: string) => {
        const known = handOvers.get(marketer)
        if (known) return known
        const made = currentHandOver(tx, id(marketer))
        handOvers.set(marketer, made)
        return made
      }
      const rng = random(4_242)
      const all = demoLeads(now)
      // Definition v2 is signed off half a year ago; leads handed over after it are judged by it.
      const v2At = new Date(now.getTime() - 182 * DAY)
      let v2 = false
      const maya = id('maya@brightline.test')
      const tradeShowCohort = () => {
        const rubbish = listReasons(tx).find((r) => r.label === 'Outside ideal customer profile')
        seedTradeShowCohort(
          tx,
          now,
          { reps: reps.map((r) => r.id), marketer: maya },
          {
            handOver: (fields, ownerId, at) =>
              writtenLeadId(
                upsertLead(
                  tx,
                  maya,
                  LeadFieldsSchema.parse(fields),
                  { ownerId, handOver: handOverBy('maya@brightline.test') },
                  at,
                ),
              ),
            reject: (leadId, ownerId, at) => {
              const result = rejectLead(
                tx,
                { id: ownerId },
                leadId,
                {
                  reasonId: rubbish?.id ?? 0,
                  notes: 'Badge scan from the expo. Nothing to go on; rubbish.',
                  contactAttempts: 1,
                },
                at,
              )
              if (!result.ok) throw new Error('The demo could not reject a trade-show lead')
              return result.caseId
            },
          },
        )
      }
      all.forEach(({ fields, at, marketer }, i) => {
        // v2 is drafted at v2At and in force once signed off, half a day later.
        if (!v2 && at.getTime() >= v2At.getTime() + DAY / 2) {
          // The trade-show cohort (handed over eight months ago) is judged against v1.
          tradeShowCohort()
          seedDefinitionV2(tx, id, v2At)
          handOvers.clear()
          v2 = true
        }
        const ownerId = reps[i % reps.length]?.id as number
        const handOver = handOverBy(marketer)
        // The last few arrived in the past day and a half: every rep has a queue to work.
        const fromEnd = all.length - i
        const handedOverAt =
          fromEnd <= FRESH_LEADS
            ? new Date(now.getTime() - fromEnd * 2.5 * HOUR)
            : fromEnd <= FRESH_LEADS + RECENT_LEADS
              ? new Date(now.getTime() - 3 * DAY - (fromEnd - FRESH_LEADS) * 7 * HOUR)
              : at
        const leadId = writtenLeadId(
          upsertLead(tx, id(marketer), fields, { ownerId, handOver }, handedOverAt),
        )
        if (handOver.followUpDue(handedOverAt) <= now)
          actOnDemoLead(
            tx,
            rng,
            { id: leadId, ownerId, handedOverAt, values: { ...fields, custom: {} } },
            handOver,
            calendar,
            v2 ? 0.03 : 0.3,
          )
      })
      seedDemoCases(tx, rng, now, calendar, {
        members: ['victor', 'clara', 'erin'].map((name) => id(`${name}@brightline.test`)),
        marketer: (marketerId) => marketerId ?? id('maya@brightline.test'),
      })
      seedLifecycleSales(tx, now, DEMO_TIME_ZONE, (name) => id(`${name}@brightline.test`))
      seedNurturePool(tx, now, maya)
      seedDefinitionQuality(tx, now, id, DEMO_TIME_ZONE)
      // The notifications the year's events call for, then: Brightline's people have read
      // what is older than a fortnight.
      seedLifecycleReminders(tx, now)
      seedDemoMail(tx, now, id)
      seedDemoWebhooks(tx, id('sasha@brightline.test'), now)
      drainEvents(tx, now)
      tx.update(notifications)
        .set({ readAt: sql`${notifications.createdAt} + ${DAY}` })
        .where(lt(notifications.createdAt, new Date(now.getTime() - 14 * DAY)))
        .run()
      return true
    },
    { behavior: 'immediate' },
  )
}
