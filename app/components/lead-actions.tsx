// What a rep does on their lead's page: accept it, reject it with a reason (before or after
// contact), log a contact attempt, mark it converted.
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { OUTCOME_LABELS, OutcomeSchema } from '~/domain/cases/schema'
import { LEAD_STATUS_LABELS } from '~/domain/leads/schema'
import {
  AcceptSchema,
  CHANNEL_LABELS,
  ContactAttemptSchema,
  MAX_CONTACT_ATTEMPTS,
  MarkConvertedSchema,
  RejectSchema,
} from '~/domain/sales/schema'
import { AndNextButton } from './and-next-button'
import { type BuyingGroupView, groupSummary, memberChoice } from './buying-group'
import { ConfirmSubmit } from './confirm-submit'
import { REJECT_CONFIRMATION } from './confirmations'
import { FormCard, useSchemaForm } from './forms'
import { notesHint, ReasonCheckNote, type RejectReason } from './reason-check'
import { Button, Field, SelectInput, TextArea } from './ui'

type Reply = SubmissionResult<string[]> | null | undefined

export function AcceptLeadForm({ lastResult }: { lastResult: Reply }) {
  const [form] = useSchemaForm(AcceptSchema, { id: 'accept', lastResult })
  return (
    <Form method="post" id={form.id}>
      {form.errors?.length ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {form.errors.join(' ')}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="accept" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Accept lead</Button>
        <AndNextButton>Accept and next</AndNextButton>
      </div>
    </Form>
  )
}

/**
 * Reject lead: before contact (the lead waits) or after (the rep worked it). A reason that names
 * the lead being worked asks which of the buying group's other leads it is.
 */
export function RejectLeadForm({
  lastResult,
  reasons,
  loggedAttempts,
  ruledReason,
  afterContact,
  group,
}: {
  lastResult: Reply
  reasons: RejectReason[]
  loggedAttempts: number
  ruledReason: string | null
  afterContact: boolean
  group: BuyingGroupView | null
}) {
  const [form, fields] = useSchemaForm(RejectSchema, {
    id: 'reject',
    lastResult,
    defaultValue: { contactAttempts: String(loggedAttempts) },
  })
  const chosen = reasons.find((r) => String(r.id) === fields.reasonId.value)
  const others = group?.others ?? []
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Reject lead</h3>
      <p className="text-sm text-slate-700">
        {afterContact
          ? 'You have worked this lead: rejecting it now records a rejection after contact. '
          : ''}
        Rejecting opens a case: the committee rules whether the lead met the definition.
        {ruledReason
          ? ` The committee already ruled on ${ruledReason}; choose another reason.`
          : ''}
      </p>
      {group ? (
        <p className="text-sm text-slate-700">Buying group: {groupSummary(group)}.</p>
      ) : null}
      <input type="hidden" name="intent" value="reject" />
      <SelectInput
        label="Reason"
        meta={fields.reasonId}
        options={reasons.map((r) => [r.id, r.label] as const)}
        emptyLabel="Choose a reason"
      />
      <ReasonCheckNote reason={chosen} />
      {chosen?.namesWorkingLead && others.length ? (
        <SelectInput
          label="Lead being worked"
          hint={`Which lead at ${group?.domain} is already being worked. Required for “${chosen.label}”.`}
          meta={fields.workingLeadId}
          options={others.map(
            (o) => [o.id, memberChoice(o, LEAD_STATUS_LABELS[o.status].toLowerCase())] as const,
          )}
          emptyLabel="Choose the lead"
        />
      ) : null}
      <TextArea label="Notes" hint={notesHint(reasons, chosen)} meta={fields.notes} />
      <Field
        label="Contact attempts"
        hint={`How many times you tried to reach them (${loggedAttempts} to ${MAX_CONTACT_ATTEMPTS}); ${loggedAttempts} logged here, and you may not give fewer.`}
        meta={fields.contactAttempts}
        type="number"
        min={loggedAttempts}
        max={MAX_CONTACT_ATTEMPTS}
      />
      <div className="flex flex-wrap gap-2">
        <ConfirmSubmit confirm={REJECT_CONFIRMATION} variant="danger" pendingLabel="Rejecting…">
          Reject lead
        </ConfirmSubmit>
        <AndNextButton confirm={REJECT_CONFIRMATION} pendingLabel="Rejecting…">
          Reject and next
        </AndNextButton>
      </div>
    </FormCard>
  )
}

/** Mark converted: the working lead became an opportunity; its reference and amount optional. */
export function MarkConvertedForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useSchemaForm(MarkConvertedSchema, { id: 'mark-converted', lastResult })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Mark converted</h3>
      <p className="text-sm text-slate-700">
        The lead became an opportunity. This ends its time with Sales.
      </p>
      <input type="hidden" name="intent" value="mark-converted" />
      <Field
        label="Opportunity reference"
        hint="Optional: the opportunity's id or name in your CRM."
        meta={fields.opportunityRef}
      />
      <Field
        label="Amount"
        hint="Optional: the opportunity's value, in whole units of your currency."
        meta={fields.opportunityAmount}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
      />
      <Button type="submit">Mark converted</Button>
    </FormCard>
  )
}

export function ContactAttemptForm({ lastResult, now }: { lastResult: Reply; now: string }) {
  const [form, fields] = useSchemaForm(ContactAttemptSchema, {
    id: 'log-contact',
    lastResult,
    defaultValue: { channel: 'call', at: now },
  })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Log a contact attempt</h3>
      <input type="hidden" name="intent" value="log-contact" />
      <SelectInput label="Channel" meta={fields.channel} options={Object.entries(CHANNEL_LABELS)} />
      <Field label="When" meta={fields.at} type="datetime-local" max={now} />
      <TextArea label="Note" meta={fields.note} rows={2} />
      <Button type="submit" variant="secondary">
        Log contact attempt
      </Button>
    </FormCard>
  )
}

export function OutcomeForm({ lastResult, today }: { lastResult: Reply; today: string }) {
  const [form, fields] = useSchemaForm(OutcomeSchema, {
    id: 'record-outcome',
    lastResult,
    defaultValue: { occurredOn: today },
  })
  return (
    <FormCard form={form}>
      <h3 className="font-semibold text-slate-900">Record outcome</h3>
      <p className="text-sm text-slate-700">What became of this lead, months later.</p>
      <input type="hidden" name="intent" value="record-outcome" />
      <SelectInput
        label="Outcome"
        meta={fields.outcome}
        options={Object.entries(OUTCOME_LABELS)}
        emptyLabel="Choose"
      />
      <Field label="Date" meta={fields.occurredOn} type="date" max={today} />
      <TextArea label="Note" meta={fields.note} rows={2} />
      <Button type="submit">Record outcome</Button>
    </FormCard>
  )
}
