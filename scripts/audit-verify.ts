// `npm run audit:verify`: walks the audit trail's hash chain on DATABASE_PATH and reports the
// first entry that does not follow (exit code 1), or that the whole chain holds (exit code 0).
// A batched entry (an import's new leads, one entry per transaction) is verified with each lead
// it lists: every member's content must match its hash.

import { verifyAuditTrail } from '~/platform/audit.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'

const check = verifyAuditTrail(getDb())
if (check.ok) {
  console.log(
    `Audit trail of ${getEnv().DATABASE_PATH}: ${check.entries} entries, chain intact; ${check.members} subjects listed in batched entries, each matching its hash.`,
  )
} else {
  console.error(
    `Audit trail of ${getEnv().DATABASE_PATH}: broken at entry ${check.brokenAt} (entry ${check.entries} in order): ${check.reason}.`,
  )
  process.exitCode = 1
}
