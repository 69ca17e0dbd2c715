// "Impact of this version" on a draft or proposed version's page: what it would have done to
// the last months of hand-overs, beside the version in force (docs/metrics.md).
import { Form } from '@remix-run/react'
import type { ImpactView } from '~/domain/definition/impact-view.server'
import { Table, Td } from './data-table'
import { Alert, Button, Card, inputClass } from './ui'

const RESULTS = [
  ['meets', 'Meets'],
  ['does_not_meet', 'Does not meet'],
  ['undetermined', 'Undetermined'],
] as const

const CHANGES = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const

const WHY = {
  timeout: 'The impact took too long to work out and was stopped. Try fewer months.',
  busy: 'Too many reports are being prepared right now. Reload the page in a moment.',
  missing: 'This version no longer exists.',
} as const

export function VersionImpactCard({ view, months }: { view: ImpactView; months: number }) {
  return (
    <Card title="Impact of this version">
      <Form method="get" className="mb-4 flex items-end gap-2">
        <div>
          <label htmlFor="impact-months" className="mb-1 block text-sm font-medium">
            Months of hand-overs
          </label>
          <input
            id="impact-months"
            name="months"
            type="number"
            min={1}
            max={36}
            defaultValue={months}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
      {view.ok ? <Figures impact={view.impact} /> : <Alert tone="error">{WHY[view.reason]}</Alert>}
    </Card>
  )
}

function Figures({ impact }: { impact: Extract<ImpactView, { ok: true }>['impact'] }) {
  const { counts, inForce, rejections, verdicts } = impact
  const here = `Version ${impact.versionNumber} (this one)`
  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        {impact.leads} leads handed over in the last {impact.months} months, each evaluated on its
        fields as they are now.{' '}
        {impact.leadsChanged === null
          ? 'No version is in force to compare with.'
          : `${impact.leadsChanged} would get a different result than under version ${inForce?.number} (in force).`}
      </p>
      <Table
        caption="Leads by result"
        columns={['Result', here, ...(inForce ? [`Version ${inForce.number} (in force)`] : [])]}
      >
        {RESULTS.map(([key, label]) => (
          <tr key={key}>
            <Td>{label}</Td>
            <Td className="font-medium">{counts.proposed[key]}</Td>
            {counts.inForce ? <Td>{counts.inForce[key]}</Td> : null}
          </tr>
        ))}
      </Table>
      <Table
        caption="Past rejections and verdicts that would have gone the other way"
        columns={['Of these leads’ past cases', 'Total', 'Would go the other way', 'How']}
      >
        <tr>
          <Td>Rejections</Td>
          <Td>{rejections.total}</Td>
          <Td className="font-medium">{rejections.otherWay}</Td>
          <Td>
            {rejections.nowBacked} now backed by the definition (the lead would not meet it),{' '}
            {rejections.noLongerBacked} no longer backed
          </Td>
        </tr>
        <tr>
          <Td>Verdicts</Td>
          <Td>{verdicts.total}</Td>
          <Td className="font-medium">{verdicts.otherWay}</Td>
          <Td>
            {verdicts.nowContradicted} the definition would now contradict, {verdicts.nowBacked} it
            would now back
          </Td>
        </tr>
      </Table>
      {impact.criteria.length > 0 ? (
        <Table
          caption="Criteria that cause the change"
          columns={[
            'Criterion',
            'Change',
            'Leads whose result for it changes',
            'Of the leads whose overall result changes',
          ]}
        >
          {impact.criteria.map((c) => (
            <tr key={c.key}>
              <Td>
                {c.label} <span className="text-slate-500">({c.key})</span>
              </Td>
              <Td>{CHANGES[c.change]}</Td>
              <Td>{c.leadsChanged}</Td>
              <Td className="font-medium">{c.flips}</Td>
            </tr>
          ))}
        </Table>
      ) : inForce ? (
        <p className="text-sm text-slate-700">
          No criterion differs from version {inForce.number}.
        </p>
      ) : null}
    </div>
  )
}
