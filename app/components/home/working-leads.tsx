// The rep's working leads on their home page: each one a click from "Log a contact attempt",
// "Mark converted" and "Reject lead" on its page.

import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import type { HomePage } from '~/domain/people/home.server'
import { formatCount } from '~/platform/numbers'
import { Cell, ListTable, Row } from '../list-table'
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
        <ListTable
          caption="Leads you accepted and are working, newest first"
          columns={[
            { label: 'Lead' },
            { label: 'Company' },
            { label: 'Accepted' },
            { label: 'Contact attempts' },
            { label: '' },
          ]}
        >
          {working.rows.map((r) => (
            <Row key={r.id}>
              <LeadCell lead={r} />
              <Cell label="Company">{r.company ?? '—'}</Cell>
              <Cell label="Accepted">{r.acceptedAt ?? '—'}</Cell>
              <Cell label="Contact attempts">
                {r.attempts}
                {r.lastAttemptAt ? (
                  <span className="text-slate-600 md:block"> (last {r.lastAttemptAt})</span>
                ) : null}
              </Cell>
              <Cell label="" bare>
                <Link to={`/leads/${r.id}`} className="text-brand-700 underline">
                  Log an attempt, mark converted or reject
                  <span className="sr-only"> {r.name}</span>
                </Link>
              </Cell>
            </Row>
          ))}
        </ListTable>
      )}
      {working.total > working.rows.length ? (
        <Link to="/leads?status=working" className="text-sm text-brand-700 underline">
          All {formatCount(working.total)} leads you are working
        </Link>
      ) : null}
    </section>
  )
}
