import { getInputProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormCard, useSchemaForm } from '~/components/forms'
import { TimeZoneField } from '~/components/time-zone-field'
import { Alert, Button, Field, PageHeader, SelectInput } from '~/components/ui'
import { WorkingHoursForm } from '~/components/working-hours-form'
import { refuse } from '~/domain/result'
import { holidaysFromIcs } from '~/domain/settings/holidays-ics'
import {
  CLOCK_OUT_CHOICES,
  CLOCK_OUT_LABELS,
  CommitteeSettingsSchema,
  DEFAULT_TIME_ZONE,
  NurtureSettingsSchema,
  OrganisationSettingsSchema,
  SlaSettingsSchema,
  TIME_ZONES,
  WebhookSettingsSchema,
} from '~/domain/settings/schema'
import {
  addHolidays,
  getCommitteeSettings,
  getNurtureSettings,
  getSlaSettings,
  getStoredOrganisationSettings,
  getWebhookSettings,
  getWorkingHours,
  updateCommitteeSettings,
  updateNurtureSettings,
  updateOrganisationSettings,
  updateSlaSettings,
  updateWebhookSettings,
  updateWorkingHours,
} from '~/domain/settings/settings.server'
import { HolidaysImportSchema, WorkingHoursFormSchema } from '~/domain/settings/working-hours'
import { SUMMARY_FAMILIES } from '~/domain/summaries/families.server'
import { rebuildProgress } from '~/domain/summaries/state.server'
import { readForm } from '~/http/form.server'
import { requireAccess } from '~/http/guards.server'
import { dispatchIntent, type IntentContext, intent } from '~/http/intents.server'
import { nowOf } from '~/load-context'
import { getDb } from '~/platform/db.server'

export const meta: MetaFunction = () => [{ title: 'Settings · Leadcourt' }]

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'settings.manage')
  return {
    // As stored: no zone while none was chosen (the field says which is used).
    settings: getStoredOrganisationSettings(getDb()),
    sla: getSlaSettings(getDb()),
    workingHours: getWorkingHours(getDb()),
    committee: getCommitteeSettings(getDb()),
    nurture: getNurtureSettings(getDb()),
    webhooks: getWebhookSettings(getDb()),
    timeZones: TIME_ZONES,
    summaries: rebuildProgress(getDb(), SUMMARY_FAMILIES),
  }
}

type SettingsContext = IntentContext & { now: Date }
const SAVED = 'Settings saved.'

// Five forms on one page, each saving one group of settings.
const INTENTS = {
  organisation: intent({
    schema: OrganisationSettingsSchema,
    run: (v, c: SettingsContext) => {
      updateOrganisationSettings(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
  sla: intent({
    schema: SlaSettingsSchema,
    run: (v, c: SettingsContext) => {
      updateSlaSettings(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
  workingHours: intent({
    schema: WorkingHoursFormSchema,
    run: (v, c: SettingsContext) => {
      updateWorkingHours(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
  // The file's size is checked by the schema before its text is read and parsed.
  holidaysImport: intent({
    schema: HolidaysImportSchema,
    run: async (v, c: SettingsContext) => {
      const read = holidaysFromIcs(await v.calendarFile.text(), c.now)
      if (!read.ok) return refuse(read.error, 'calendarFile')
      return { ok: true, ...addHolidays(getDb(), c.user.id, read.holidays, c.now) }
    },
    notice: (done) =>
      `${done.added === 1 ? '1 holiday' : `${done.added} holidays`} added; ${done.kept} kept in all.`,
  }),
  committee: intent({
    schema: CommitteeSettingsSchema,
    run: (v, c: SettingsContext) => {
      updateCommitteeSettings(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
  nurture: intent({
    schema: NurtureSettingsSchema,
    run: (v, c: SettingsContext) => {
      updateNurtureSettings(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
  webhooks: intent({
    schema: WebhookSettingsSchema,
    run: (v, c: SettingsContext) => {
      updateWebhookSettings(getDb(), c.user.id, v, c.now)
      return { ok: true }
    },
    notice: SAVED,
  }),
}
type Intent = keyof typeof INTENTS

export async function action(args: ActionFunctionArgs) {
  const user = await requireAccess(args, 'settings.manage')
  const ctx = { user, now: nowOf(args.context) }
  return dispatchIntent(await readForm(args.request), ctx, INTENTS)
}

export default function Settings() {
  const { settings, sla, workingHours, committee, nurture, webhooks, timeZones, summaries } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const replyFor = (intent: Intent) =>
    actionData?.intent === intent ? actionData.result : undefined
  const [form, fields] = useSchemaForm(OrganisationSettingsSchema, {
    id: 'organisation',
    lastResult: replyFor('organisation'),
    defaultValue: settings,
  })
  const [slaForm, slaFields] = useSchemaForm(SlaSettingsSchema, {
    id: 'sla',
    lastResult: replyFor('sla'),
    defaultValue: { ...sla },
  })
  const [committeeForm, committeeFields] = useSchemaForm(CommitteeSettingsSchema, {
    id: 'committee',
    lastResult: replyFor('committee'),
    defaultValue: { ...committee },
  })
  const [nurtureForm, nurtureFields] = useSchemaForm(NurtureSettingsSchema, {
    id: 'nurture',
    lastResult: replyFor('nurture'),
    defaultValue: { ...nurture },
  })
  const [webhooksForm, webhooksFields] = useSchemaForm(WebhookSettingsSchema, {
    id: 'webhooks',
    lastResult: replyFor('webhooks'),
    defaultValue: { ...webhooks },
  })
  const { key: privateKey, ...privateProps } = getInputProps(webhooksFields.allowPrivateTargets, {
    type: 'checkbox',
  })
  const { key: autoKey, ...autoProps } = getInputProps(nurtureFields.autoHandBack, {
    type: 'checkbox',
  })
  return (
    <div className="max-w-xl">
      <PageHeader title="Settings" />
      {actionData?.notice ? (
        <Alert tone="success" className="mb-4">
          {actionData.notice}
        </Alert>
      ) : null}
      <FormCard form={form}>
        <input type="hidden" name="intent" value="organisation" />
        <Field label="Organisation name" meta={fields.organisationName} />
        <div>
          <TimeZoneField
            meta={fields.timeZone}
            zones={timeZones}
            stored={settings.timeZone}
            fallback={DEFAULT_TIME_ZONE}
          />
          {summaries ? (
            <p className="mt-2 text-sm text-slate-700" role="status">
              Reports are being recounted in this time zone:{' '}
              {summaries.total > 0 ? Math.floor((summaries.done / summaries.total) * 100) : 0}%
              done. Until then they read every row, and may take longer.
            </p>
          ) : null}
        </div>
        <Button type="submit">Save settings</Button>
      </FormCard>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Service levels</h2>
      <p className="mb-4 text-sm text-slate-700">
        In working time: only the working hours below count (by default 09:00–17:00, Monday to
        Friday, in the organisation’s time zone), so 16 working hours are two working days. A change
        applies to clocks that start after it; clocks already running keep their due time.
      </p>
      <FormCard form={slaForm}>
        <input type="hidden" name="intent" value="sla" />
        <Field
          label="Follow-up SLA (working hours)"
          hint="How long a rep has to accept or reject a lead before it becomes an ignored case."
          meta={slaFields.followUpHours}
          type="number"
          min={1}
        />
        <Field
          label="Review SLA (working days)"
          hint="How long the committee has to decide a case."
          meta={slaFields.reviewDays}
          type="number"
          min={1}
        />
        <Field
          label="Return SLA (working hours)"
          hint="How long a rep has to act on a lead the committee returned."
          meta={slaFields.returnHours}
          type="number"
          min={1}
        />
        <Field
          label="Reminder when this share of a clock is left (%)"
          hint="The rep is reminded of a follow-up clock, and members who have not voted of a review clock, when this much of the time is left."
          meta={slaFields.reminderPercent}
          type="number"
          min={1}
          max={90}
        />
        <SelectInput
          label="When a follow-up clock runs out"
          hint="An ignored case opens either way; this says who has the lead next."
          meta={slaFields.onClockOut}
          options={CLOCK_OUT_CHOICES.map((c) => [c, CLOCK_OUT_LABELS[c]] as const)}
        />
        <Button type="submit">Save service levels</Button>
      </FormCard>
      <WorkingHoursForm
        stored={workingHours}
        timeZone={settings.timeZone ?? DEFAULT_TIME_ZONE}
        lastResult={replyFor('workingHours')}
        importResult={replyFor('holidaysImport')}
      />
      <h2 className="mt-8 mb-2 text-lg font-semibold">Deciding rule</h2>
      <p className="mb-4 text-sm text-slate-700">
        A case is decided when this many eligible members have voted, including a sales seat and a
        marketing seat. The majority wins; a tie goes to the chair’s vote.
      </p>
      <FormCard form={committeeForm}>
        <input type="hidden" name="intent" value="committee" />
        <Field label="Quorum (votes)" meta={committeeFields.quorum} type="number" min={1} />
        <Button type="submit">Save deciding rule</Button>
      </FormCard>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Nurture pool</h2>
      <p className="mb-4 text-sm text-slate-700">
        A nurtured lead is flagged Re-engaged when an import or an edit makes it meet the definition
        in force, or lifts its engagement score to this score or above. Its marketer is told.
      </p>
      <FormCard form={nurtureForm}>
        <input type="hidden" name="intent" value="nurture" />
        <Field
          label="Re-engagement score (0–100)"
          meta={nurtureFields.reengagementScore}
          type="number"
          min={1}
          max={100}
        />
        <div className="flex items-center gap-2">
          <input key={autoKey} {...autoProps} />
          <label htmlFor={nurtureFields.autoHandBack.id} className="text-sm">
            Hand re-engaged leads back to Sales automatically
          </label>
        </div>
        <Button type="submit">Save nurture settings</Button>
      </FormCard>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Webhooks</h2>
      <p className="mb-4 text-sm text-slate-700">
        Webhook endpoints must be on the public internet: private, loopback and link-local addresses
        are refused, when an endpoint is registered and again before each delivery. Allow them only
        for a CRM inside your own network.
      </p>
      <FormCard form={webhooksForm}>
        <input type="hidden" name="intent" value="webhooks" />
        <div className="flex items-center gap-2">
          <input key={privateKey} {...privateProps} />
          <label htmlFor={webhooksFields.allowPrivateTargets.id} className="text-sm">
            Allow webhooks to private and loopback addresses
          </label>
        </div>
        <Button type="submit">Save webhook settings</Button>
      </FormCard>
    </div>
  )
}
