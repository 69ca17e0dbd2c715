// The metrics' definitions have one source (app/domain/reports/metrics.server.ts): the page
// renders it, and docs/metrics.md must say the same, word for word (whitespace aside).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { METRIC_SECTION_IDS } from '~/domain/reports/metric-links'
import { METRIC_SECTIONS, type MetricBlock } from '~/domain/reports/metrics.server'

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
const doc = squash(readFileSync('docs/metrics.md', 'utf8'))

/** A block as docs/metrics.md writes it. */
function markdown(block: MetricBlock): string {
  switch (block.kind) {
    case 'heading':
      return `### ${block.text}`
    case 'paragraph':
      return block.text
    case 'list':
      return block.items
        .map((item) => [`- ${item.text}`, ...(item.items ?? []).map((sub) => `- ${sub}`)].join(' '))
        .join(' ')
    case 'table':
      return [block.head, block.head.map(() => '---'), ...block.rows]
        .map((row) => `| ${row.join(' | ')} |`)
        .join(' ')
  }
}

describe('the metrics page', () => {
  it.each(METRIC_SECTIONS.map((s) => [s.title, s] as const))(
    'says what docs/metrics.md says under "%s"',
    (title, section) => {
      expect(doc).toContain(`## ${title}`)
      for (const block of section.blocks) expect(doc).toContain(squash(markdown(block)))
    },
  )

  it('names no source file: its readers cannot open one', () => {
    const text = JSON.stringify(METRIC_SECTIONS)
    expect(text).not.toMatch(/\.tsx?\b|\bapp\/|docs\//)
  })

  it('has a section for every anchor the app links to, and no other', () => {
    expect(METRIC_SECTIONS.map((s) => s.id)).toEqual([...METRIC_SECTION_IDS])
  })
})
