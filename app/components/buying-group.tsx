// The buying group (decision 26): the other leads at the same company domain, as the viewer may
// see them (a name and link only where they may open the lead), and how many are being worked.
import { Link } from '@remix-run/react'
import { VERDICT_LABELS } from '~/domain/cases/schema'
import type { Verdict } from '~db/enums'
import { StatusBadge } from './badges'
import { Table, Td } from './data-table'
import { Card } from './ui'

type Member = {
  id: number
  name: string | null
  canOpen: boolean
  title: string | null
  status: Parameters<typeof StatusBadge>[0]['status']
  ownerName: string
  isWorkingLead?: boolean
  cases?: { id: number; reason: string | null; verdict: Verdict | null }[]
}

export type BuyingGroupView = {
  domain: string
  members: number
  working: number
  others: Member[]
}

/** "7 leads at acme.example, 2 being worked": the group's size, this lead included. */
export function groupSummary(group: BuyingGroupView): string {
  const leads = group.members === 1 ? '1 lead' : `${group.members} leads`
  return `${leads} at ${group.domain} (this one included), ${group.working} being worked`
}

/** A member's name, or to someone who may not open it, its title (no name). */
export function memberLabel(m: Pick<Member, 'name' | 'title'>): string {
  return m.name ?? `${m.title ?? 'No title'} (not yours to open)`
}

/** A member as the reject form's choice names it: who, title, owner and status. */
export function memberChoice(m: Pick<Member, 'name' | 'title' | 'ownerName'>, status: string) {
  const who = m.name ? `${m.name}${m.title ? `, ${m.title}` : ''}` : (m.title ?? 'No title')
  return `${who} — ${m.ownerName}, ${status}`
}

function MemberName({ member }: { member: Member }) {
  if (!member.name) return <span className="text-slate-600">Not yours to open</span>
  if (!member.canOpen) return <span>{member.name}</span>
  return (
    <Link to={`/leads/${member.id}`} className="text-brand-700 underline">
      {member.name}
    </Link>
  )
}

/** The buying group card of the lead page and the case file. */
export function BuyingGroupCard({
  group,
  showCases = false,
}: {
  group: BuyingGroupView | null
  showCases?: boolean
}) {
  return (
    <Card title="Buying group">
      {!group ? (
        <p className="text-sm text-slate-700">The lead has no company domain to match on.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">{groupSummary(group)}.</p>
          {group.others.length === 0 ? (
            <p className="text-sm text-slate-700">No other leads from this company.</p>
          ) : (
            <Table
              caption={`The buying group at ${group.domain}: the other leads`}
              columns={['Lead', 'Title', 'Status', 'Owner', ...(showCases ? ['Cases'] : [])]}
            >
              {group.others.map((o) => (
                <tr key={o.id}>
                  <Td>
                    <MemberName member={o} />
                    {o.isWorkingLead ? (
                      <div className="text-xs font-medium text-amber-900">Named as worked</div>
                    ) : null}
                  </Td>
                  <Td>{o.title ?? '—'}</Td>
                  <Td>
                    <StatusBadge status={o.status} />
                  </Td>
                  <Td>{o.ownerName}</Td>
                  {showCases ? (
                    <Td>
                      {(o.cases ?? []).map((oc) => (
                        <div key={oc.id}>
                          <Link to={`/cases/${oc.id}`} className="text-brand-700 underline">
                            Case {oc.id}
                          </Link>{' '}
                          {oc.reason ?? 'ignored'}
                          {oc.verdict ? ` — ${VERDICT_LABELS[oc.verdict]}` : ''}
                        </div>
                      ))}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          )}
        </>
      )}
    </Card>
  )
}
