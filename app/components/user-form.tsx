import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
} from '@conform-to/react'
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, SEAT_LABELS, SEATS } from '~/domain/people/roles'
import { type UserInput, UserSchema } from '~/domain/people/schema'
import { FormCard, useSchemaForm } from './forms'
import { Button, ErrorList, Field, inputClass } from './ui'

/** The admin's form for a user's identity, roles, seat and chair; used to create and to edit. */
export function UserForm({
  defaultValue,
  lastResult,
  submitLabel,
}: {
  defaultValue?: Omit<Partial<UserInput>, 'seat'> & { seat?: UserInput['seat'] | null }
  lastResult?: SubmissionResult<string[]> | null
  submitLabel: string
}) {
  const [form, fields] = useSchemaForm(UserSchema, {
    lastResult,
    defaultValue: defaultValue ? { ...defaultValue, seat: defaultValue.seat ?? '' } : undefined,
  })
  const { key: seatKey, ...seatProps } = getSelectProps(fields.seat)
  const { key: chairKey, ...chairProps } = getInputProps(fields.isChair, { type: 'checkbox' })
  return (
    <FormCard form={form}>
      <input type="hidden" name="intent" value="save" />
      <Field label="Name" meta={fields.name} autoComplete="off" />
      <Field label="Email" meta={fields.email} type="email" autoComplete="off" />
      <fieldset aria-describedby={fields.roles.errors ? fields.roles.errorId : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">Roles</legend>
        <div className="space-y-2">
          {getCollectionProps(fields.roles, { type: 'checkbox', options: [...ROLES] }).map(
            ({ key, ...props }) => {
              const role = props.value as (typeof ROLES)[number]
              return (
                <div key={key} className="flex items-start gap-2">
                  <input {...props} aria-describedby={`${props.id}-about`} className="mt-1" />
                  <div className="text-sm">
                    <label htmlFor={props.id} className="font-medium">
                      {ROLE_LABELS[role]}
                    </label>
                    <p id={`${props.id}-about`} className="text-slate-600">
                      {ROLE_DESCRIPTIONS[role]}
                    </p>
                  </div>
                </div>
              )
            },
          )}
        </div>
        <ErrorList id={fields.roles.errorId} errors={fields.roles.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.seat.id} className="mb-1 block text-sm font-medium text-slate-800">
          Committee seat
        </label>
        <select key={seatKey} {...seatProps} className={inputClass}>
          <option value="">No seat (not on the committee)</option>
          {SEATS.map((seat) => (
            <option key={seat} value={seat}>
              {SEAT_LABELS[seat]}
            </option>
          ))}
        </select>
        <ErrorList id={fields.seat.errorId} errors={fields.seat.errors} />
      </div>
      <div className="flex items-start gap-2">
        <input
          key={chairKey}
          {...chairProps}
          aria-describedby={`${fields.isChair.id}-about`}
          className="mt-1"
        />
        <div className="text-sm">
          <label htmlFor={fields.isChair.id} className="font-medium">
            Chair of the committee
          </label>
          <p id={`${fields.isChair.id}-about`} className="text-slate-600">
            The chair’s vote breaks ties. There is one chair; choosing this moves the chair from
            whoever holds it.
          </p>
        </div>
      </div>
      <ErrorList id={fields.isChair.errorId} errors={fields.isChair.errors} />
      <Button type="submit">{submitLabel}</Button>
    </FormCard>
  )
}
