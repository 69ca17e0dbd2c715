// A small world for case tests on a real SQLite file: two reps, two marketers, a committee of
// three seats (Erin chairs), and one lead handed from Maya to Dana at HANDED_OVER.
// Settings are the defaults (UTC, 48 h follow-up, 5 review days, 24 h return).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { type DB, migrateDatabase, openDatabase } from '~db/connection'
import type { Role, Seat } from '~db/enums'
import { leads, reasons, userRoles, users } from '~db/schema'

// Monday 23 November 2026.
const HANDED_OVER = new Date('2026-11-23T08:00:00Z')
export const OPENED = new Date('2026-11-23T09:00:00Z')

const PEOPLE: [name: string, role: Role, seat?: Seat, chair?: boolean][] = [
  ['Dana', 'rep'],
  ['Omar', 'rep'],
  ['Maya', 'marketer'],
  ['Ben', 'marketer'],
  ['Victor', 'committee', 'sales'],
  ['Clara', 'committee', 'marketing'],
  ['Erin', 'committee', 'executive', true],
]

export type CaseWorld = {
  db: DB
  path: string
  id: Record<string, number>
  leadId: number
  caseId: number
  close: () => void
}

/** Opens a migrated database file with the people and a lead Dana rejected at OPENED. */
export function caseWorld(): CaseWorld {
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-cases-'))
  const path = join(dir, 'cases.db')
  const db = openDatabase(path)
  migrateDatabase(db)
  const id: Record<string, number> = {}
  for (const [name, role, seat, chair] of PEOPLE) {
    const user = db
      .insert(users)
      .values({
        email: `${name.toLowerCase()}@example.test`,
        name,
        passwordHash: 'x',
        seat: seat ?? null,
        isChair: chair ?? false,
        createdAt: HANDED_OVER,
      })
      .returning({ id: users.id })
      .get()
    db.insert(userRoles).values({ userId: user.id, role }).run()
    id[name.toLowerCase()] = user.id
  }
  // The catalog the migrations seed.
  const reason = db.select().from(reasons).where(eq(reasons.label, 'No budget')).get()
  if (!reason) throw new Error('The reason catalog has no "No budget"')
  const lead = db
    .insert(leads)
    .values({
      externalId: 'CASE-1',
      firstName: 'Ada',
      lastName: 'Byron',
      company: 'Globex',
      ownerId: id.dana as number,
      marketerId: id.maya as number,
      handedOverAt: HANDED_OVER,
      clockStartedAt: HANDED_OVER,
      followUpDueAt: new Date(HANDED_OVER.getTime() + 48 * 3600_000),
      createdAt: HANDED_OVER,
      updatedAt: HANDED_OVER,
    })
    .returning({ id: leads.id })
    .get()
  const rejected = rejectLead(
    db,
    { id: id.dana as number },
    lead.id,
    { reasonId: reason.id, notes: 'No money this year', contactAttempts: 2 },
    OPENED,
  )
  if (!rejected.ok) throw new Error(JSON.stringify(rejected.fieldErrors))
  return {
    db,
    path,
    id,
    leadId: lead.id,
    caseId: rejected.caseId,
    close: () => {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
