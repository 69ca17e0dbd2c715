import type { FieldChange } from '~/domain/audit/format'
import { Card } from './ui'

type Entry = { id: number; when: string; who: string; what: string; changes: FieldChange[] }

/** A lead's or a case's history from the audit trail, oldest first. */
export function Timeline({ entries }: { entries: Entry[] }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-2 text-sm">
        {entries.map((e) => (
          <li key={e.id}>
            <span className="text-slate-600">{e.when}</span> — {e.what} by {e.who}
            {e.changes.length ? (
              <ul className="ml-4 list-disc text-slate-700">
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {c.field}: {c.before ?? 'blank'} → {c.after ?? 'blank'}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  )
}
