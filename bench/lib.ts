// What every benchmark shares: signing in over HTTP, the server's peak memory, and writing a
// result file to bench/results/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'

const DEMO_PASSWORD = 'leadcourt-demo'

/**
 * Signs in through the sign-in form and returns the session cookie to send back. Each sign-in
 * has a connection of its own: with the cluster, a kept-alive connection reused for the next
 * sign-in was at times closed under it ("other side closed", 28 Nov), and a benchmark signs in
 * fifty reps one after another.
 */
export function signInOverHttp(url: string, email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: DEMO_PASSWORD }).toString()
  return new Promise((resolve, reject) => {
    const sent = request(
      `${url}/sign-in`,
      {
        method: 'POST',
        agent: false,
        headers: {
          Origin: url,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume()
        const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0]
        if (cookie) resolve(cookie)
        else reject(new Error(`Signing in as ${email} failed: ${response.statusCode}`))
      },
    )
    sent.on('error', reject)
    sent.end(body)
  })
}

/** The pid and every descendant of it still alive (a cluster's primary and its workers), from /proc. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // Gone between the listing and the read.
    }
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
  }
  const tree: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const next = queue.shift() as number
    tree.push(next)
    queue.push(...(children.get(next) ?? []))
  }
  return tree
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  } catch {
    return null // The process has exited.
  }
}

/**
 * The peak resident memory so far (VmHWM), in MB, of each process in the tree under `pid`: the
 * server alone, or a cluster's primary and each of its workers. Threads count in their process.
 */
export function peakMemoryPerProcessMb(pid: number): { pid: number; peakMb: number }[] {
  return processTree(pid).flatMap((each) => {
    const kb = statusKb(each, 'VmHWM')
    return kb === null ? [] : [{ pid: each, peakMb: Math.round(kb / 1024) }]
  })
}

/**
 * The highest peak resident memory so far (VmHWM), in MB, of any one process in the tree under
 * `pid` (the target is per process: with a cluster, each worker's, not their sum).
 */
export function peakMemoryMb(pid: number): number {
  return Math.max(0, ...peakMemoryPerProcessMb(pid).map((p) => p.peakMb))
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
