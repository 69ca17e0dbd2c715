// Issue 14, finding 9: README's roles table said nothing of admins adding and importing leads.
// The table is now the access table itself, rendered; this fails when the two drift apart.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ACCESS, accessTableMarkdown } from '~/domain/people/access'

const readme = readFileSync('README.md', 'utf8')

function readmeTable(): string {
  const match = /<!-- access-table:start -->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(readme)
  if (!match) throw new Error('README.md has no access-table markers')
  return match[1] as string
}

describe("README's roles table", () => {
  it('is the access table of app/domain/people/access.ts (paste accessTableMarkdown() to update)', () => {
    expect(readmeTable()).toBe(accessTableMarkdown())
  })

  it('says what finding 9 found missing: admins add and import leads; any marketer answers any case', () => {
    const row = (capability: string) =>
      readmeTable()
        .split('\n')
        .find((line) => line.startsWith(`| \`${capability}\` |`))
        ?.split('|')
        .slice(3, -1)
        .map((cell) => cell.trim())
    // rep, marketer, committee, leadership, admin
    expect(row('leads.create')).toEqual(['', '✓', '', '', '✓'])
    expect(row('imports.run')).toEqual(['', '✓', '', '', '✓'])
    expect(row('cases.respond')).toEqual(['', '✓', '', '', ''])
    expect(ACCESS['cases.respond']).toEqual(['marketer'])
    expect(readme).toContain('**Any marketer may answer any open case**')
    expect(readme).toContain('**admins may also add and import leads**')
  })
})
