// The events checkboxes of a webhook endpoint's forms (register, change events).
import { ErrorList } from '~/components/ui'
import { WEBHOOK_EVENTS, type WebhookEvent } from '~db/enums'

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'lead.accepted': 'A rep accepted a lead',
  'lead.rejected': 'A rep rejected a lead',
  'case.opened': 'A case opened (rejected or ignored)',
  'case.conceded': 'Marketing conceded a case',
  'case.contested': 'Marketing contested a case',
  'case.decided': 'The committee decided a case (the verdict)',
  'case.review_overdue': 'A case’s review clock ran out',
  'lead.returned': 'A lead went back to a rep',
  'lead.converted': 'A lead converted',
  'definition.activated': 'A new lead definition came into force',
  'outcome.recorded': 'An outcome was recorded on a lead',
}

export function WebhookEventsField({
  name,
  errorId,
  errors,
  checked = [],
}: {
  name: string
  errorId?: string
  errors?: string[] | null
  checked?: readonly string[]
}) {
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium text-slate-800">Events</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <div key={event} className="flex items-center gap-2">
          <input
            type="checkbox"
            id={`${name}-${event}`}
            name={name}
            value={event}
            defaultChecked={checked.includes(event)}
            aria-describedby={errorId}
          />
          <label htmlFor={`${name}-${event}`} className="text-sm">
            <code>{event}</code>: {WEBHOOK_EVENT_LABELS[event]}
          </label>
        </div>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  )
}
