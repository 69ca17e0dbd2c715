// A test file's production build and Chromium, started before its tests and stopped after
// them. Kept apart from app-server.ts, which the benchmarks import outside Vitest.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type AppServer, launchBrowser, startApp } from './app-server'

/**
 * A test file's production server and browser: started before its tests, stopped after them.
 * Read `app` and `browser` inside tests and hooks (they exist once the file's setup has run).
 */
export function appAndBrowser(env: Record<string, string> = {}) {
  const started: { app?: AppServer; browser?: Browser } = {}
  beforeAll(async () => {
    started.app = await startApp(env)
    started.browser = await launchBrowser()
  })
  afterAll(async () => {
    await started.browser?.close()
    await started.app?.stop()
  })
  return {
    get app(): AppServer {
      if (!started.app) throw new Error('The app starts in beforeAll; read it inside a test.')
      return started.app
    },
    get browser(): Browser {
      if (!started.browser)
        throw new Error('The browser starts in beforeAll; read it inside a test.')
      return started.browser
    },
  }
}

/** A test file's own temporary folder (files to upload, downloads), removed after its tests. */
export function fileFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `leadcourt-e2e-${name}-`))
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}
