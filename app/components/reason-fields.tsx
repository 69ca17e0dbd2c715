import { getInputProps } from '@conform-to/react'
import type { ReasonSchema } from '~/domain/reasons/schema'
import type { useSchemaForm } from './forms'
import { Field, SelectInput } from './ui'

/** The fields of the reason form, for adding a reason and for changing one. */
export function ReasonFields({
  fields,
  criteria,
}: {
  fields: ReturnType<typeof useSchemaForm<typeof ReasonSchema>>[1]
  criteria: { key: string; label: string }[]
}) {
  const { key, ...checkbox } = getInputProps(fields.notesRequired, { type: 'checkbox' })
  const { key: workingKey, ...working } = getInputProps(fields.namesWorkingLead, {
    type: 'checkbox',
  })
  return (
    <>
      <Field label="Reason" meta={fields.label} />
      <SelectInput
        label="Disputes criterion"
        hint="The criterion of the lead definition this reason says the lead misses, if any."
        meta={fields.criterionKey}
        options={criteria.map((c) => [c.key, `${c.label} (${c.key})`] as const)}
        emptyLabel="No criterion"
      />
      <div className="flex items-center gap-2">
        <input key={key} {...checkbox} />
        <label htmlFor={fields.notesRequired.id} className="text-sm">
          Notes required (reps must explain, as for “Other”)
        </label>
      </div>
      <div className="flex items-center gap-2">
        <input key={workingKey} {...working} />
        <label htmlFor={fields.namesWorkingLead.id} className="text-sm">
          Names the lead being worked (reps choose which lead in the buying group, as for “Already
          working this account / duplicate”)
        </label>
      </div>
    </>
  )
}
