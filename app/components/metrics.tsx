// The metrics page's sections (METRIC_SECTIONS, metrics.server.ts): paragraphs, lists and the
// figure tables, with the two inline marks their text uses, **bold** and `code`.
import { Fragment, type ReactNode } from 'react'
import type { MetricBlock, MetricSection } from '~/domain/reports/metrics.server'
import { Table, Td } from './data-table'
import { Card } from './ui'

/** A definition's text with its **bold** and `code` spans; everything else as written. */
export function MetricText({ text }: { text: string }): ReactNode {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part, i) => {
    const key = `${i}:${part}`
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={key}>{part.slice(2, -2)}</strong>
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return (
        <code key={key} className="rounded bg-slate-100 px-1 text-[0.9em]">
          {part.slice(1, -1)}
        </code>
      )
    return <Fragment key={key}>{part}</Fragment>
  })
}

function Block({ block, section }: { block: MetricBlock; section: MetricSection }) {
  switch (block.kind) {
    case 'heading':
      return (
        <h3 className="pt-2 font-semibold text-slate-900">
          <MetricText text={block.text} />
        </h3>
      )
    case 'paragraph':
      return (
        <p>
          <MetricText text={block.text} />
        </p>
      )
    case 'list':
      return (
        <ul className="list-disc space-y-2 pl-5">
          {block.items.map((item) => (
            <li key={item.text}>
              <MetricText text={item.text} />
              {item.items ? (
                <ul className="mt-1 list-[circle] space-y-1 pl-5">
                  {item.items.map((sub) => (
                    <li key={sub}>
                      <MetricText text={sub} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )
    case 'table':
      return (
        <Table caption={`${section.title}: ${block.head.join(', ')}`} columns={block.head}>
          {block.rows.map((row) => (
            <tr key={row.join('|')}>
              {Object.entries(row).map(([column, cell]) => (
                <Td key={column} className={column === '0' ? 'font-medium' : undefined}>
                  <MetricText text={cell} />
                </Td>
              ))}
            </tr>
          ))}
        </Table>
      )
  }
}

/** One section of the metrics page, under its anchor (metricHref). */
export function MetricSectionCard({ section }: { section: MetricSection }) {
  return (
    <div id={section.id} className="scroll-mt-4">
      <Card title={section.title}>
        <div className="space-y-3 text-sm text-slate-800 [overflow-wrap:anywhere]">
          {Object.entries(section.blocks).map(([at, block]) => (
            <Block key={at} block={block} section={section} />
          ))}
        </div>
      </Card>
    </div>
  )
}
