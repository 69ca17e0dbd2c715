// The layer rule of decision 15 is enforced by the lint: a domain, platform, demo or db file that
// imports HTTP, Remix, Conform or React (and a platform file that imports the domain) fails
// `npm run lint`. Each probe is a real file in the layer's folder, linted by Biome and removed.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

function lint(path: string, source: string): { ok: boolean; output: string } {
  writeFileSync(path, source)
  try {
    execFileSync('npx', ['biome', 'lint', '--max-diagnostics=5', path], { encoding: 'utf8' })
    return { ok: true, output: '' }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  } finally {
    rmSync(path, { force: true })
  }
}

const probe = (folder: string) => `${folder}/layer-probe-${process.pid}.ts`

describe('the layer rule', () => {
  it.each([
    ['app/domain', "import { redirect } from '@remix-run/node'\nexport const x = redirect\n"],
    ['app/domain', "import { queryOf } from '~/http/query'\nexport const x = queryOf\n"],
    ['app/domain', "import { queryOf } from '../http/query'\nexport const x = queryOf\n"],
    ['app/platform', "import { can } from '~/domain/people/access'\nexport const x = can\n"],
    ['db', "import { parseWithZod } from '@conform-to/zod/v4'\nexport const x = parseWithZod\n"],
  ])(
    'refuses an import that crosses a layer from %s: %s',
    (folder, source) => {
      const result = lint(probe(folder), source)
      expect(result.ok).toBe(false)
      expect(result.output).toContain('noRestrictedImports')
    },
    60_000,
  )

  it('lets the domain import the platform and the schema', () => {
    const result = lint(
      probe('app/domain'),
      "import { getDb } from '~/platform/db.server'\nimport { leads } from '~db/schema'\nexport const x = [getDb, leads]\n",
    )
    expect(result).toEqual({ ok: true, output: '' })
  }, 60_000)
})
