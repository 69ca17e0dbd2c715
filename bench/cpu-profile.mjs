// Preloaded into the server by `bench/pages.ts --profile <dir>` (NODE_OPTIONS=--import ...;
// node refuses --cpu-prof there): profiles the main thread from start to exit and writes
// <dir>/server-<pid>.cpuprofile, which Chrome's DevTools or speedscope open.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'

const dir = process.env.LEADCOURT_CPU_PROFILE_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 200 })
  session.post('Profiler.start')
  process.on('exit', () => {
    // The in-thread session answers synchronously, so this runs before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  })
}
