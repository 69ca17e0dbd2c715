// The lists' bulk actions (decision 43), inside <BulkBar>: reassign the chosen leads to a rep;
// concede the chosen cases, or record one outcome on their leads.
import { DISPOSITION_LABELS, OUTCOME_LABELS } from '~/domain/cases/schema'
import { Button, inputClass } from './ui'

function Select({
  name,
  label,
  options,
  emptyLabel,
}: {
  name: string
  label: string
  options: [string, string][]
  emptyLabel: string
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue="" className={inputClass}>
        <option value="">{emptyLabel}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Reassign the chosen leads to one active rep (marketers, admins). */
export function BulkReassignActions({ reps }: { reps: { id: number; name: string }[] }) {
  return (
    <>
      <Select
        name="repId"
        label="Reassign to"
        emptyLabel="Choose a rep"
        options={reps.map((r) => [String(r.id), r.name])}
      />
      <Button type="submit" name="intent" value="bulk-reassign">
        Reassign selected
      </Button>
    </>
  )
}

/** Concede the chosen cases (marketers) and record an outcome on their leads. */
export function BulkCaseActions({
  canConcede,
  canRecord,
  today,
}: {
  canConcede: boolean
  canRecord: boolean
  today: string
}) {
  return (
    <>
      {canConcede ? (
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className="sr-only">Concede</legend>
          <Select
            name="disposition"
            label="Disposition"
            emptyLabel="Choose"
            options={Object.entries(DISPOSITION_LABELS)}
          />
          <Button type="submit" name="intent" value="bulk-concede" variant="secondary">
            Concede selected
          </Button>
        </fieldset>
      ) : null}
      {canRecord ? (
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className="sr-only">Record outcome</legend>
          <Select
            name="outcome"
            label="Outcome"
            emptyLabel="Choose"
            options={Object.entries(OUTCOME_LABELS)}
          />
          <label className="flex flex-col gap-1">
            <span className="font-medium">Outcome date</span>
            <input
              type="date"
              name="occurredOn"
              defaultValue={today}
              max={today}
              className={inputClass}
            />
          </label>
          <Button type="submit" name="intent" value="bulk-outcome" variant="secondary">
            Record outcome on selected
          </Button>
        </fieldset>
      ) : null}
    </>
  )
}
