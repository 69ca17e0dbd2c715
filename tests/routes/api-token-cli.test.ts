// `npm run api-token` (issue 17): prints a token that the API accepts, audited with no actor;
// bad scopes exit with code 2 and say why.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { authenticateToken } from '~/domain/api/authenticate.server'
import { getDb } from '~/platform/db.server'
import { auditEvents } from '~db/schema'

const run = promisify(execFile)
const cli = (...args: string[]) =>
  run('node', ['--import', 'tsx', 'scripts/api-token.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'test' },
  })

describe('npm run api-token', () => {
  it('prints a new token, audited with no actor', async () => {
    const { stdout } = await cli('--name', 'Zapier', '--scopes', 'leads:read,cases:read')
    const token = stdout.trim()
    expect(token).toMatch(/^lc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/)
    expect(authenticateToken(getDb(), token, new Date())).toMatchObject({
      ok: true,
      caller: { name: 'Zapier', scopes: ['leads:read', 'cases:read'], ratePerMinute: 600 },
    })
    const entry = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'api_token.created'))
      .get()
    expect(entry?.actorId).toBeNull()
    expect(JSON.stringify(entry)).not.toContain(token.slice(12))
  }, 30_000)

  it('sets the token’s rate a minute with --rate', async () => {
    const { stdout } = await cli('--name', 'Batch', '--scopes', 'leads:write', '--rate', '1200')
    expect(authenticateToken(getDb(), stdout.trim(), new Date())).toMatchObject({
      ok: true,
      caller: { name: 'Batch', ratePerMinute: 1200 },
    })
  }, 30_000)

  it('exits 2 with a message for an unknown scope, no name, or a past expiry', async () => {
    for (const args of [
      ['--name', 'Zapier', '--scopes', 'leads:eat'],
      ['--scopes', 'leads:read'],
      ['--name', 'Zapier', '--scopes', 'leads:read', '--expires', '2020-01-01'],
      ['--name', 'Zapier', '--scopes', 'leads:read', '--bogus'],
      ['--name', 'Zapier', '--scopes', 'leads:read', '--rate', '0'],
      ['--name', 'Zapier', '--scopes', 'leads:read', '--rate', 'fast'],
    ]) {
      const failed = await cli(...args).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      )
      expect(failed?.code, args.join(' ')).toBe(2)
      expect(failed?.stderr).toMatch(/Usage: npm run api-token/)
    }
  }, 60_000)
})
