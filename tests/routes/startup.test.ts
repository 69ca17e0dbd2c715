import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

// Start-up runs the real server entry in a child process, as `npm run dev` does. Loading it
// through tsx takes seconds, over ten beside two busy cores: a minute each, to be safe.
vi.setConfig({ testTimeout: 90_000 })

function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-startup-'))
  try {
    return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_PATH: join(dir, 'x.db'),
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('start-up configuration', () => {
  it('a bad environment value stops start-up with a message naming it, and a non-zero exit', () => {
    const result = start({ PORT: 'eighty', DEMO_MODE: 'maybe', SESSION_SECRET: 'too-short' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Invalid environment configuration:')
    expect(result.stderr).toContain('PORT="eighty": must be a port number')
    expect(result.stderr).toContain('DEMO_MODE="maybe": must be one of true, false, 1, 0, yes, no')
    // A secret is never echoed back.
    expect(result.stderr).toContain('SESSION_SECRET=(hidden): must be at least 32 characters')
    expect(result.stderr).not.toContain('too-short')
  })

  it('a port out of range is refused too', () => {
    const result = start({ PORT: '70000' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('PORT="70000": must be between 1 and 65535')
  })
})
