// `npm run api-token -- --name NAME --scopes a,b [--expires YYYY-MM-DD] [--rate N]`: creates an
// API token on DATABASE_PATH and prints it (decision 27). The same rules and audit entry as the admin
// page's, with no actor. Bad arguments exit with code 2 and say why.
import { parseArgs } from 'node:util'
import { ApiTokenSchema } from '~/domain/api/schema'
import { API_SCOPES } from '~/domain/api/scopes'
import { createApiToken } from '~/domain/api/tokens.server'
import { prepareDatabase } from '~/domain/prepare.server'
import { getDb } from '~/platform/db.server'

const USAGE = `Usage: npm run api-token -- --name NAME --scopes ${API_SCOPES.slice(0, 2).join(',')} [--expires YYYY-MM-DD] [--rate N]
Scopes: ${API_SCOPES.join(', ')}
--rate: requests a minute, 1 to 100000 (default 600)`

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

let values: { name?: string; scopes?: string; expires?: string; rate?: string }
try {
  values = parseArgs({
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      expires: { type: 'string' },
      rate: { type: 'string' },
    },
  }).values
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const parsed = ApiTokenSchema.safeParse({
  name: values.name ?? '',
  scopes: (values.scopes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  expires: values.expires || undefined,
  rate: values.rate,
})
if (!parsed.success) {
  fail(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'))
}

const db = getDb()
prepareDatabase(db)
const created = createApiToken(db, null, parsed.data, new Date())
if (!created.ok) {
  const lines = Object.entries(created.fieldErrors).map(([f, m]) => `--${f}: ${m.join(' ')}`)
  fail(lines.join('\n'))
}
console.log(created.token)
db.$client.close()
