// Starts the production build on a free port with its own temporary database, and a
// headless Debian Chromium driven by playwright-core.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

/** The demo seed's password (app/demo/seed.server.ts), which the browser types. */
export const DEMO_PASSWORD = 'leadcourt-demo'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/**
 * The processes a process started, from /proc: the workers of the server's cluster (decision
 * 31), whose memory the benchmarks read beside the primary's.
 */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

export type AppServer = {
  url: string
  pid: number
  stop: () => Promise<void>
  output: () => string
}

/**
 * Runs `build/server.js` on a free port: by default in demo mode on a temporary database that
 * `stop` deletes; with `DATABASE_PATH` in `env`, on that database, which is kept. `pid` is the
 * cluster's primary when the server runs workers (`childPids`); `stop` stops them all.
 */
export async function startApp(env: Record<string, string> = {}): Promise<AppServer> {
  if (!existsSync('build/server.js'))
    throw new Error('Run `npm run build` first (npm run test:e2e does).')
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-e2e-'))
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['build/server.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DEMO_MODE: 'true',
      DATABASE_PATH: join(dir, 'e2e.db'),
      PORT: String(port),
      HOST: '127.0.0.1',
      // As in production: the session cookie is Secure (browsers accept it on localhost).
      COOKIE_SECURE: 'true',
      // One process unless the caller or the environment says: on two cores shared with other
      // work, a cluster's workers double the time to start (58 s against 109 s at a load of 16).
      // tests/e2e/cluster.test.ts runs two workers; WEB_CONCURRENCY=2 npm run test:e2e runs every
      // browser test against a cluster, and WEB_CONCURRENCY=2 npm run bench:pages measures one.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 120_000
  while (!output.includes('Leadcourt is running')) {
    if (child.exitCode !== null) throw new Error(`Server exited: ${output}`)
    if (Date.now() > deadline) throw new Error(`Server did not start: ${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    pid: child.pid as number,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
}

/** Fills in the sign-in form with the demo password. */
export async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/sign-in`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** A page in a fresh browser context, signed in and on the home page. */
export async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, url, email)
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor()
  return page
}

/**
 * Follows a link of the main navigation (decision 37): `menu` names the group whose menu holds
 * it (Work, Court, Insight, Admin), none for a link at the top.
 */
export async function navigate(page: Page, link: string, menu?: string) {
  const nav = page.getByRole('navigation', { name: 'Main' })
  if (menu) await nav.getByRole('button', { name: menu, exact: true }).click()
  await nav.getByRole('link', { name: link, exact: true }).click()
}

/** Signs out through the account menu. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account: / }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('heading', { name: 'Sign in to Leadcourt' }).waitFor()
}
