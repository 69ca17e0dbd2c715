// The rep's working leads on their home page: each one a click from "Log a contact attempt",
// "Mark converted" and "Reject lead" on its page.

import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import type { HomePage } from '~/domain/people/home.server'
import { formatCount } from '~/platform/numbers'
import { Table, Td } from '../ui'
import { LeadCell } from './sections'

type Working = NonNullable<SerializeFrom<HomePage>['working']>

export function WorkingLeads({ working }: { working: Working }) {
  return (
    <section aria-labelledby="working-heading" className="space-y-3">
      <h2 id="working-heading" className="text-lg font-semibold text-slate-900">
        Leads you are working ({formatCount(working.total)})
      </h2>
      {working.rows.length === 0 ? (
        <p className="text-slate-700">
          No leads in work. A lead you accept stays here until you mark it converted or reject it.
        </p>
      ) : (
        <Table
          caption="Leads you accepted and are working, newest first"
          columns={['Lead', 'Company', 'Accepted', 'Contact attempts', '']}
        >
          {working.rows.map((r) => (
            <tr key={r.id}>
              <LeadCell lead={r} />
              <Td>{r.company ?? '—'}</Td>
              <Td>{r.acceptedAt ?? '—'}</Td>
              <Td>
                {r.attempts}
                {r.lastAttemptAt ? (
                  <div className="text-slate-600">last {r.lastAttemptAt}</div>
                ) : null}
              </Td>
              <Td>
                <Link to={`/leads/${r.id}`} className="text-brand-700 underline">
                  Log an attempt, mark converted or reject
                  <span className="sr-only"> {r.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {working.total > working.rows.length ? (
        <Link to="/leads?status=working" className="text-sm text-brand-700 underline">
          All {formatCount(working.total)} leads you are working
        </Link>
      ) : null}
    </section>
  )
}
