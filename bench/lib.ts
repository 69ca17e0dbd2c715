// What every benchmark shares: signing in over HTTP, the server's peak memory, and writing a
// result file to bench/results/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const DEMO_PASSWORD = 'leadcourt-demo'

/** Signs in through the sign-in form and returns the session cookie to send back. */
export async function signInOverHttp(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  })
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]
  if (!cookie) throw new Error(`Signing in as ${email} failed: ${response.status}`)
  return cookie
}

/** A process's peak resident memory so far (VmHWM), in MB, from /proc. */
export function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** A process's resident memory now (VmRSS), in MB, from /proc. */
export function memoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

const RESULTS = join('bench', 'results')

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResult(name: string, result: unknown): string {
  mkdirSync(RESULTS, { recursive: true })
  const path = join(RESULTS, `${name}.json`)
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`)
  return path
}

/** The machine the numbers were measured on, for every result file. */
export function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8')
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpu)?.[1] ?? 'unknown',
    cores: (cpu.match(/^processor\s*:/gm) ?? []).length,
    node: process.version,
    measuredAt: new Date().toISOString(),
  }
}
