// Search is indexed once per transaction (migration 0014): every lead inserted is noted, and
// the transaction indexes the noted leads, as they are then, before it commits.
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { indexNewLeads } from '~/domain/leads/search-index.server'
import { leadWriter } from '~/domain/leads/writer.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { getDb } from '~/platform/db.server'
import { followUps, leads } from '~db/schema'
import { seedTeam } from '../support/factories'
import { handOverLead, userId } from '../support/leads'

const found = (word: string) =>
  (
    getDb()
      .$client.prepare('SELECT rowid FROM leads_search WHERE leads_search MATCH ? ORDER BY rowid')
      .all(`"${word}"`) as { rowid: number }[]
  ).map((row) => row.rowid)
const pending = () =>
  (getDb().$client.prepare('SELECT count(*) AS n FROM leads_search_pending').get() as { n: number })
    .n
/** FTS5's own check that the index holds exactly what `leads` holds; throws when it does not. */
const indexMatchesLeads = () =>
  getDb().$client.exec("INSERT INTO leads_search(leads_search, rank) VALUES ('integrity-check', 1)")

/** Writes leads through one writer in one transaction, as an import batch does. */
function inOneTransaction<T>(
  write: (writer: ReturnType<typeof leadWriter>, tx: Parameters<typeof leadWriter>[0]) => T,
): T {
  return getDb().transaction(
    (tx) => {
      const result = write(leadWriter(tx), tx)
      indexNewLeads(tx)
      return result
    },
    { behavior: 'immediate' },
  )
}
let written = 0
const insert = (writer: ReturnType<typeof leadWriter>, lastName: string) =>
  writer.insert(
    null,
    LeadFieldsSchema.parse({
      externalId: `S-${++written}`,
      firstName: 'Search',
      lastName,
      company: 'Initech',
    }),
    {},
    userId('dana'),
    currentHandOver(getDb(), null),
    new Date(),
  )

beforeAll(async () => {
  await seedTeam()
})

describe('the search index', () => {
  it('a lead handed over is found at once, and nothing is left waiting', () => {
    const id = handOverLead('dana', { lastName: 'Quillfeather' })
    expect(found('Quillfeather')).toEqual([id])
    expect(pending()).toBe(0)
    indexMatchesLeads()
  })

  it('leads written in one transaction are indexed as they are when it commits', () => {
    const [renamed, kept, removed] = inOneTransaction((writer, tx) => {
      const ids = [
        insert(writer, 'Brightwater'),
        insert(writer, 'Ashgrove'),
        insert(writer, 'Gone'),
      ]
      // Changed and removed before the transaction indexes them.
      tx.update(leads)
        .set({ lastName: 'Silverlake' })
        .where(eq(leads.id, ids[0] ?? 0))
        .run()
      tx.delete(followUps)
        .where(eq(followUps.leadId, ids[2] ?? 0))
        .run()
      tx.delete(leads)
        .where(eq(leads.id, ids[2] ?? 0))
        .run()
      return ids
    })
    expect(found('Silverlake')).toEqual([renamed])
    expect(found('Brightwater')).toEqual([])
    expect(found('Ashgrove')).toEqual([kept])
    expect(found('Gone')).not.toContain(removed)
    expect(pending()).toBe(0)
    indexMatchesLeads()
    // Indexed once: renamed again, its words before are gone.
    getDb()
      .update(leads)
      .set({ lastName: 'Ironbridge' })
      .where(eq(leads.id, renamed ?? 0))
      .run()
    expect(found('Silverlake')).toEqual([])
    expect(found('Ironbridge')).toEqual([renamed])
  })

  it('an indexed lead renamed or removed later leaves no trace of its old words', () => {
    const id = handOverLead('dana', { lastName: 'Oldmoor' })
    getDb().update(leads).set({ lastName: 'Newmoor' }).where(eq(leads.id, id)).run()
    expect(found('Oldmoor')).toEqual([])
    expect(found('Newmoor')).toEqual([id])
    getDb().transaction((tx) => {
      tx.delete(followUps).where(eq(followUps.leadId, id)).run()
      tx.delete(leads).where(eq(leads.id, id)).run()
    })
    expect(found('Newmoor')).toEqual([])
    indexMatchesLeads()
  })

  it('a lead rolled back to its savepoint is neither indexed nor left waiting', () => {
    const indexed = inOneTransaction((writer, tx) => {
      tx.run(sql`SAVEPOINT row`)
      insert(writer, 'Neverwas')
      tx.run(sql`ROLLBACK TO row`)
      tx.run(sql`RELEASE row`)
      return insert(writer, 'Stillhere')
    })
    expect(found('Neverwas')).toEqual([])
    expect(found('Stillhere')).toEqual([indexed])
    expect(pending()).toBe(0)
    indexMatchesLeads()
  })

  it('a lead committed without being indexed is indexed when the server next starts', () => {
    const id = getDb().transaction((tx) => insert(leadWriter(tx), 'Latecomer'))
    expect(found('Latecomer')).toEqual([])
    expect(pending()).toBe(1)
    prepareDatabase(getDb())
    expect(found('Latecomer')).toEqual([id])
    expect(pending()).toBe(0)
    indexMatchesLeads()
  })
})
