import { Card } from './ui'

type Entry = { id: number; at: string; when: string; sentence: string }

/** A lead's or a case's history from the audit trail, oldest first, in sentences. */
export function Timeline({ entries }: { entries: Entry[] }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-2 text-sm">
        {entries.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at} className="text-slate-600">
              {e.when}
            </time>{' '}
            — {e.sentence}
          </li>
        ))}
      </ol>
    </Card>
  )
}
