// The Settings page's working calendar (decision 46): working days and hours, the public
// holidays one a line, and an iCalendar file to import holidays from.
import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { Button, ErrorList, inputClass, TextArea } from '~/components/ui'
import {
  HolidaysImportSchema,
  holidaysText,
  MAX_ICS_BYTES,
  type WorkingHours,
  WorkingHoursFormSchema,
} from '~/domain/settings/working-hours'
import { WEEKDAYS } from '~/domain/sla/calendar'

export function WorkingHoursForm({
  stored,
  timeZone,
  lastResult,
  importResult,
}: {
  stored: WorkingHours
  timeZone: string
  lastResult?: SubmissionResult<string[]>
  importResult?: SubmissionResult<string[]>
}) {
  const [form, fields] = useSchemaForm(WorkingHoursFormSchema, {
    id: 'working-hours',
    lastResult,
    defaultValue: {
      days: stored.days.map(String),
      start: stored.start,
      end: stored.end,
      holidays: holidaysText(stored.holidays),
    },
  })
  const [importForm, importFields] = useSchemaForm(HolidaysImportSchema, {
    id: 'holidays-import',
    lastResult: importResult,
  })
  const ticked = new Set(stored.days.map(String))
  const time = (meta: typeof fields.start, label: string) => {
    const { key, ...props } = getInputProps(meta, { type: 'time' })
    return (
      <div>
        <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input key={key} {...props} className={inputClass} />
        <ErrorList id={meta.errorId} errors={meta.errors} />
      </div>
    )
  }
  return (
    <>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Working hours and holidays</h2>
      <p className="mb-4 text-sm text-slate-700">
        SLA clocks count only these hours, in {timeZone}: a clock started in the evening starts the
        next working morning, and a due time always falls within working hours. A change applies to
        clocks that start after it; clocks already running keep their due time.
      </p>
      <FormCard form={form}>
        <input type="hidden" name="intent" value="workingHours" />
        <fieldset aria-describedby={fields.days.errorId}>
          <legend className="mb-1 text-sm font-medium text-slate-800">Working days</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {WEEKDAYS.map(({ day, name }) => (
              <label key={day} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name={fields.days.name}
                  value={String(day)}
                  defaultChecked={ticked.has(String(day))}
                />
                {name}
              </label>
            ))}
          </div>
          <ErrorList id={fields.days.errorId} errors={fields.days.errors} />
        </fieldset>
        <div className="grid grid-cols-2 gap-4">
          {time(fields.start, 'Working day starts')}
          {time(fields.end, 'Working day ends')}
        </div>
        <TextArea
          label="Public holidays"
          hint="One a line: the date, then its name (2026-12-25 Christmas Day). No working time counts on these days."
          meta={fields.holidays}
          rows={6}
        />
        <Button type="submit">Save working hours</Button>
      </FormCard>
      <div className="mt-4">
        <FormCard form={importForm}>
          <input type="hidden" name="intent" value="holidaysImport" />
          <div>
            <label
              htmlFor={importFields.calendarFile.id}
              className="mb-1 block text-sm font-medium text-slate-800"
            >
              Import holidays from a calendar (.ics)
            </label>
            <p id={`${importFields.calendarFile.id}-hint`} className="mb-1 text-sm text-slate-600">
              An iCalendar file of public holidays (up to {MAX_ICS_BYTES / 1024} KB), such as your
              government publishes. Its days from this year on, for three years, are added to the
              list; repeating holidays are repeated.
            </p>
            <input
              id={importFields.calendarFile.id}
              name={importFields.calendarFile.name}
              type="file"
              accept=".ics,text/calendar"
              aria-describedby={`${importFields.calendarFile.id}-hint`}
              aria-invalid={importFields.calendarFile.errors ? true : undefined}
              className="block text-sm"
            />
            <ErrorList
              id={importFields.calendarFile.errorId}
              errors={importFields.calendarFile.errors}
            />
          </div>
          <Button type="submit">Import holidays</Button>
        </FormCard>
      </div>
    </>
  )
}
