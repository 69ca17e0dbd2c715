// `npm run bench [-- --leads 1000000] [-- --reps 50] [-- --seconds 5]`: every benchmark from one
// command, on a fresh clone too. The build is made first (by the npm script); the large
// database is generated when it is missing (minutes, once), then the import benchmark and the
// page benchmark run against it. Results land in bench/results/; docs/performance.md says how
// to read them.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000000' },
    reps: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '5' },
    rows: { type: 'string', default: '200000' },
  },
})
const database = `data/large-${args.leads}.db`

function run(script: string, ...scriptArgs: string[]) {
  console.log(`\n▶ ${script} ${scriptArgs.join(' ')}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], {
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!existsSync(database))
  run('scripts/seed-large.ts', '--leads', args.leads, '--reps', args.reps, '--database', database)
run('bench/import.ts', '--database', database, '--rows', args.rows)
run('bench/pages.ts', '--database', database, '--seconds', args.seconds)
