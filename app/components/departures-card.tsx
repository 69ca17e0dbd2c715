// The verdict report's departures per criterion (decision 41): the verdicts' and, beside them,
// the members' votes', each count said in words.
import { formatCount } from '~/platform/numbers'
import { Table, Td } from './data-table'
import { Card } from './ui'

type Departure = { criterion: string; count: number }

/** What each column counts, as the page says it. */
export const DEPARTURES_EXPLAINED = {
  verdicts:
    'Verdicts: decided cases whose verdict departs from the definition as completed by the committee’s majority findings, once per criterion it departs on.',
  members:
    'Members’ votes: votes on the same decided cases whose verdict departs from the definition as completed by the member’s own findings, once per criterion it departs on. A vote can depart while the verdict does not.',
}

/** One row per criterion either count names, the verdicts' order first. */
function rowsOf(verdicts: Departure[], members: Departure[] | null) {
  const names = [...verdicts, ...(members ?? [])].map((d) => d.criterion)
  return [...new Set(names)].map((criterion) => ({
    criterion,
    verdicts: verdicts.find((d) => d.criterion === criterion)?.count ?? 0,
    members: members ? (members.find((d) => d.criterion === criterion)?.count ?? 0) : null,
  }))
}

export function DeparturesCard({
  verdicts,
  members,
  decided,
  cap,
}: {
  verdicts: Departure[]
  members: Departure[] | null
  decided: number
  cap: number
}) {
  const rows = rowsOf(verdicts, members)
  return (
    <Card title="Departures per criterion">
      <div className="space-y-2 text-sm text-slate-700">
        <p>{DEPARTURES_EXPLAINED.verdicts}</p>
        <p>{DEPARTURES_EXPLAINED.members}</p>
        {members === null ? (
          <p role="note" className="text-amber-900">
            Members’ votes are counted when the range holds {formatCount(cap)} decided cases or
            fewer; it holds {formatCount(decided)}. Narrow the dates, or choose a rep, reason,
            source or campaign, to count them.
          </p>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          No verdict and no member’s vote departed from the definition.
        </p>
      ) : (
        <div className="mt-2">
          <Table
            caption="Departures from the definition per criterion: verdicts and members’ votes"
            columns={['Criterion', 'Verdicts', 'Members’ votes']}
          >
            {rows.map((r) => (
              <tr key={r.criterion}>
                <Td>{r.criterion}</Td>
                <Td>{formatCount(r.verdicts)}</Td>
                <Td>{r.members === null ? '—' : formatCount(r.members)}</Td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </Card>
  )
}
