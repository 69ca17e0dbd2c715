// A second process for the race test: opens the database file, says "ready", waits for "go"
// on stdin, then casts one vote and prints the result as JSON.
// Usage: node --import tsx tests/support/cast-vote.ts <caseId> <member e-mail>
import { createInterface } from 'node:readline'
import { eq } from 'drizzle-orm'
import { castVote } from '~/domain/cases/cast-vote.server'
import { getDb } from '~/platform/db.server'
import { users } from '~db/schema'

const [caseId, email] = process.argv.slice(2)
const db = getDb()
const member = db
  .select()
  .from(users)
  .where(eq(users.email, String(email)))
  .get()
if (!member) throw new Error(`No user ${email}`)
console.log('ready')
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'go') continue
  const result = castVote(
    db,
    member.id,
    Number(caseId),
    {
      verdict: 'does_not_meet',
      disposition: 'nurture',
      rationale: `${member.name}: a reseller, not a buyer`,
      finding: { company_size: 'unmet', engagement: 'unmet' },
    },
    new Date(),
  )
  console.log(JSON.stringify({ result }))
  break
}
db.$client.close()
