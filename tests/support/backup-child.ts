// A child process for the backup tests: real writes on the database file given, through the
// app's use cases, until the test kills it. Each round is one transaction that creates a lead
// (Maya's, handed to Dana) and has Dana reject it (a case opens): a lead, a case, their audit
// entries and events, all or nothing. It says "wrote N" after each round.
//   <path> <danaId> <mayaId> <reasonId>
import { writeSync } from 'node:fs'
import { currentHandOver } from '~/domain/leads/hand-over.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { rejectLead } from '~/domain/sales/reject-lead.server'
import { openDatabase } from '~db/connection'

const [path, dana, maya, reasonId] = process.argv.slice(2)
const db = openDatabase(path as string)
const rep = Number(dana)
const marketer = Number(maya)
// Rounds a minute apart from Tuesday 24 November 2026, 08:00 UTC.
const START = Date.parse('2026-11-24T08:00:00Z')

for (let round = 1; ; round++) {
  const at = new Date(START + round * 60_000)
  db.transaction(
    (tx) => {
      const leadId = writtenLeadId(
        upsertLead(
          tx,
          marketer,
          LeadFieldsSchema.parse({
            externalId: `LOAD-${round}`,
            email: `load${round}@initech.example`,
            firstName: 'Load',
            lastName: `${round}`,
            company: 'Initech',
          }),
          { ownerId: rep, handOver: currentHandOver(tx, marketer) },
          at,
        ),
      )
      const rejected = rejectLead(
        tx,
        { id: rep },
        leadId,
        { reasonId: Number(reasonId), notes: `Round ${round}`, contactAttempts: 1 },
        at,
      )
      if (!rejected.ok) throw new Error(JSON.stringify(rejected.fieldErrors))
    },
    { behavior: 'immediate' },
  )
  writeSync(1, `wrote ${round}\n`)
}
