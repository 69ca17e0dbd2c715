import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listReasons } from '~/domain/reasons/reasons.server'
import { getSlaSettings } from '~/domain/settings/settings.server'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as createAction, loader as listLoader } from '~/routes/admin.reasons._index'
import { action as editAction, loader as editLoader } from '~/routes/admin.reasons.$reasonId'
import { action as settingsAction } from '~/routes/admin.settings'
import { auditEvents } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['sasha', 'maya', 'dana'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
})

const create = (fields: Record<string, string>, who = 'sasha') =>
  settle(() => createAction(postArgs('/admin/reasons', fields, { cookie: cookies[who] })))
const edit = (id: number, fields: Record<string, string>, who = 'sasha') =>
  settle(() =>
    editAction(
      postArgs(`/admin/reasons/${id}`, fields, { cookie: cookies[who] }, { reasonId: String(id) }),
    ),
  )
const byLabel = (label: string) => listReasons(getDb()).find((r) => r.label === label)
type Errors = { error?: Record<string, string[] | null> }

describe('the reason catalog', () => {
  it('is seeded with the reasons of PRODUCT.md; “Other” needs notes', () => {
    expect(listReasons(getDb()).map((r) => [r.label, r.notesRequired])).toEqual([
      ['Outside ideal customer profile', false],
      ['No authority', false],
      ['No budget', false],
      ['No need', false],
      ['Not sales-ready (timing)', false],
      ['Bad contact data', false],
      ['Already working this account / duplicate', false],
      ['Competitor / student / job seeker / spam', false],
      ['Unresponsive after repeated attempts', false],
      ['Other', true],
    ])
  })

  it('an admin adds a reason linked to a criterion; duplicates and unknown criteria are refused', async () => {
    const created = await create({ label: 'Wrong region', criterionKey: 'company_size' })
    expect(locationOf(created)).toBe('/admin/reasons')
    expect(byLabel('Wrong region')).toMatchObject({
      criterionKey: 'company_size',
      active: true,
      notesRequired: false,
      position: 11,
    })
    const twice = await create({ label: 'wrong REGION' })
    expect(statusOf(twice)).toBe(400)
    expect(payloadOf<{ result: Errors }>(twice).result.error?.label).toEqual([
      'There is already a reason with this name',
    ])
    const unknown = await create({ label: 'Too far away', criterionKey: 'distance' })
    expect(payloadOf<{ result: Errors }>(unknown).result.error?.criterionKey).toEqual([
      'Choose a criterion of the lead definition',
    ])
    expect(statusOf(await create({ label: '' }))).toBe(400)
  })

  it('renames, relinks and requires notes; deactivates and reactivates; never deletes', async () => {
    const reason = byLabel('No budget')
    const id = reason?.id ?? 0
    const page = payloadOf<{ criteria: { key: string }[] }>(
      await editLoader(
        getArgs(`/admin/reasons/${id}`, { cookie: cookies.sasha }, { reasonId: String(id) }),
      ),
    )
    expect(page.criteria.map((c) => c.key)).toEqual(['company_size', 'email', 'engagement'])
    expect(
      locationOf(
        await edit(id, {
          intent: 'save',
          label: 'No budget this year',
          criterionKey: 'engagement',
          notesRequired: 'on',
        }),
      ),
    ).toBe('/admin/reasons')
    expect(byLabel('No budget this year')).toMatchObject({
      id,
      criterionKey: 'engagement',
      notesRequired: true,
    })
    expect(locationOf(await edit(id, { intent: 'deactivate' }))).toBe('/admin/reasons')
    expect(byLabel('No budget this year')?.active).toBe(false)
    const again = await edit(id, { intent: 'deactivate' })
    expect(statusOf(again)).toBe(400)
    expect(formErrorOf(payloadOf<ActionReply>(again))).toBe('This reason is already deactivated')
    await edit(id, { intent: 'reactivate' })
    expect(byLabel('No budget this year')?.active).toBe(true)
    expect(statusOf(await edit(id, { intent: 'delete' }))).toBe(400)
    const audited = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectType, 'reason'))
      .all()
      .map((a) => a.action)
    expect(audited).toEqual([
      'reason.created',
      'reason.updated',
      'reason.deactivated',
      'reason.reactivated',
    ])
  })

  it('is for admins only', async () => {
    for (const who of ['maya', 'dana']) {
      expect(
        statusOf(
          await settle(() => listLoader(getArgs('/admin/reasons', { cookie: cookies[who] }))),
        ),
      ).toBe(403)
      expect(statusOf(await create({ label: 'Sneaky' }, who))).toBe(403)
    }
    expect(byLabel('Sneaky')).toBeUndefined()
    expect(statusOf(await edit(99999, { intent: 'deactivate' }))).toBe(404)
  })
})

describe('service levels', () => {
  const save = (fields: Record<string, string>, who = 'sasha') =>
    settle(() =>
      settingsAction(
        postArgs('/admin/settings', { intent: 'sla', ...fields }, { cookie: cookies[who] }),
      ),
    )

  it('has the defaults of PRODUCT.md and refuses nonsense with field errors', async () => {
    expect(getSlaSettings(getDb())).toEqual({
      followUpHours: 16,
      reviewDays: 5,
      returnHours: 8,
      reminderPercent: 25,
      onClockOut: 'stay',
    })
    const bad = await save({ followUpHours: '0', reviewDays: 'five', returnHours: '24.5' })
    expect(statusOf(bad)).toBe(400)
    const errors = payloadOf<{ result: Errors }>(bad).result.error
    expect(errors?.followUpHours).toEqual(['The follow-up SLA must be at least 1'])
    expect(errors?.reviewDays).toEqual(['Enter the review SLA as a whole number'])
    expect(errors?.returnHours).toEqual(['Enter the return SLA as a whole number'])
    expect(getSlaSettings(getDb()).followUpHours).toBe(16)
  })

  it('saves new lengths and audits the change; only admins may', async () => {
    expect(
      statusOf(await save({ followUpHours: '24', reviewDays: '3', returnHours: '8' }, 'maya')),
    ).toBe(403)
    const ok = await save({ followUpHours: '24', reviewDays: '3', returnHours: '8' })
    expect(payloadOf<ActionReply>(ok).notice).toBe('Settings saved.')
    expect(getSlaSettings(getDb())).toEqual({
      followUpHours: 24,
      reviewDays: 3,
      returnHours: 8,
      reminderPercent: 25,
      onClockOut: 'stay',
    })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, 'sla'))
      .all()
      .at(-1)
    expect(audit?.before).toEqual({
      followUpHours: 16,
      reviewDays: 5,
      returnHours: 8,
      reminderPercent: 25,
      onClockOut: 'stay',
    })
    expect(audit?.after).toEqual({
      followUpHours: 24,
      reviewDays: 3,
      returnHours: 8,
      reminderPercent: 25,
      onClockOut: 'stay',
    })
  })
})

describe('the deciding rule', () => {
  it('the quorum defaults to 3, refuses nonsense, and an admin changes it', async () => {
    const { getCommitteeSettings } = await import('~/domain/settings/settings.server')
    expect(getCommitteeSettings(getDb())).toEqual({ quorum: 3 })
    const save = (quorum: string, who = 'sasha') =>
      settle(() =>
        settingsAction(
          postArgs('/admin/settings', { intent: 'committee', quorum }, { cookie: cookies[who] }),
        ),
      )
    const bad = await save('0')
    expect(payloadOf<{ result: Errors }>(bad).result.error?.quorum).toEqual([
      'The quorum must be at least 1',
    ])
    expect(statusOf(await save('5', 'maya'))).toBe(403)
    expect(payloadOf<ActionReply>(await save('5')).notice).toBe('Settings saved.')
    expect(getCommitteeSettings(getDb())).toEqual({ quorum: 5 })
  })
})
