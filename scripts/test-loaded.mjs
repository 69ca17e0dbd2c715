// `npm run test:loaded [-- vitest args]`: `npm test` on a machine whose every core is already
// busy with another process. One busy-looping Node process per core (os.availableParallelism())
// runs at normal priority for as long as vitest runs; the burners are killed however the run
// ends, and the script exits with vitest's code. The suite must pass like this
// (docs/decisions/0018-tests-under-load.md).
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'

// A burner spins, and every few million turns checks that this script is still alive, so it
// stops by itself even if this script is killed with SIGKILL and cannot clean up.
const BURN = `const parent = ${process.pid}
for (;;) {
  for (let i = 0; i < 5e6; i++) {}
  try { process.kill(parent, 0) } catch { process.exit(0) }
}`

const cores = availableParallelism()
const burners = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }),
)
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL')
}
process.on('exit', stopBurners)

const started = performance.now()
const vitest = spawn(
  process.execPath,
  [resolve('node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  { stdio: 'inherit' },
)

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBurners()
    vitest.kill(signal)
  })
}

vitest.on('error', (error) => {
  console.error(`test:loaded: could not start vitest: ${error.message}`)
  process.exit(1)
})
vitest.on('exit', (code, signal) => {
  stopBurners()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `test:loaded: vitest ${signal ? `killed by ${signal}` : `exited with ${code}`} after ${seconds} s, beside ${cores} busy process(es)`,
  )
  process.exit(code ?? 1)
})
