import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ActionReply, formErrorOf } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { action as indexAction, loader as indexLoader } from '~/routes/definition._index'
import { loader as compareLoader } from '~/routes/definition.compare'
import {
  action as versionAction,
  loader as versionLoader,
} from '~/routes/definition.versions.$versionId'
import { auditEvents, definitionVersions, outbox } from '~db/schema'
import { seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedTeam()
  for (const name of ['sasha', 'victor', 'clara', 'erin', 'dana']) {
    cookies[name] = await signInAs(`${name}@brightline.test`)
  }
})

const startDraft = (from: string, who = 'sasha') =>
  settle(() =>
    indexAction(postArgs('/definition', { intent: 'start-draft', from }, { cookie: cookies[who] })),
  )

const onVersion = (id: number, fields: Record<string, string>, who = 'sasha') =>
  settle(() =>
    versionAction(
      postArgs(
        `/definition/versions/${id}`,
        fields,
        { cookie: cookies[who] },
        { versionId: String(id) },
      ),
    ),
  )

const versionIdFrom = (response: unknown) => Number(locationOf(response)?.split('/').pop())

type Reply = ActionReply

const SIZE = {
  intent: 'save-criterion',
  key: 'company_size',
  label: 'Ideal customer size',
  description: 'Companies of 50 people or more buy our product.',
  field: 'employeeCount',
  operator: 'at_least',
  value: '50',
  required: 'on',
}

describe('the life of a version', () => {
  let v1: number

  it('an admin drafts an empty version and builds criteria; bad input gets field errors', async () => {
    const started = await startDraft('empty')
    expect(statusOf(started)).toBe(302)
    v1 = versionIdFrom(started)

    expect(statusOf(await onVersion(v1, SIZE))).toBe(302)
    expect(
      statusOf(
        await onVersion(v1, {
          intent: 'save-criterion',
          key: 'seniority',
          label: 'Senior title',
          field: 'title',
          operator: 'contains_any_word',
          value: 'VP, Director, Head of, Chief',
        }),
      ),
    ).toBe(302)

    const bad = await onVersion(v1, {
      intent: 'save-criterion',
      key: '9 bad',
      label: '',
      field: 'shoeSize',
      operator: 'at_least',
      value: 'many',
    })
    expect(statusOf(bad)).toBe(400)
    const error = payloadOf<Reply>(bad).result?.error
    expect(error?.key).toEqual([
      'Use lowercase letters, digits and _ (start with a letter, at most 40)',
    ])
    expect(error?.label).toEqual(['Enter a label'])
    expect(error?.field).toEqual(['Choose a field'])
    const notANumber = await onVersion(v1, { ...SIZE, key: 'size_again', value: 'many' })
    expect(payloadOf<Reply>(notANumber).result?.error?.value).toEqual(['Enter a number'])
    const emptyList = await onVersion(v1, {
      ...SIZE,
      key: 'where',
      field: 'country',
      operator: 'one_of',
      value: ' , ',
    })
    expect(payloadOf<Reply>(emptyList).result?.error?.value).toEqual([
      'Enter at least one value, separated by commas',
    ])

    const duplicate = await onVersion(v1, { ...SIZE, label: 'Another' })
    expect(statusOf(duplicate)).toBe(400)
    expect(payloadOf<Reply>(duplicate).result?.error?.key).toEqual([
      'Another criterion of this version has that key',
    ])

    const custom = await onVersion(v1, {
      intent: 'save-criterion',
      key: 'quality',
      label: 'Quality',
      field: 'custom.',
      customAttribute: '',
      operator: 'present',
    })
    expect(payloadOf<Reply>(custom).result?.error?.customAttribute).toEqual([
      'Name the custom attribute',
    ])

    const page = payloadOf<{
      version: { criteria: { key: string; value: unknown; required: boolean }[] }
    }>(
      await versionLoader(
        getArgs(`/definition/versions/${v1}`, { cookie: cookies.sasha }, { versionId: String(v1) }),
      ),
    )
    expect(page.version.criteria.map((c) => [c.key, c.value, c.required])).toEqual([
      ['company_size', 50, true],
      ['seniority', ['VP', 'Director', 'Head of', 'Chief'], false],
    ])
  })

  it('only one version is open at a time', async () => {
    const second = await startDraft('empty')
    expect(statusOf(second)).toBe(400)
    expect(formErrorOf(payloadOf<Reply>(second))).toBe(
      'Version 1 is already draft; finish it before starting another',
    )
  })

  it('signing a draft is refused with a clear message', async () => {
    const early = await onVersion(v1, { intent: 'sign-off' }, 'victor')
    expect(statusOf(early)).toBe(400)
    expect(formErrorOf(payloadOf<Reply>(early))).toBe(
      'Version 1 is still a draft; it can be signed off once an admin proposes it',
    )
  })

  it('is proposed, then frozen', async () => {
    expect(locationOf(await onVersion(v1, { intent: 'propose' }))).toBe(
      `/definition/versions/${v1}`,
    )
    const edit = await onVersion(v1, { ...SIZE, value: '20' })
    expect(statusOf(edit)).toBe(400)
    expect(payloadOf<Reply>(edit).result).toMatchObject({
      error: { '': [expect.stringContaining('only a draft can be edited')] },
    })
  })

  it('the wrong seat and a second sign-off by the same seat are refused; two seats activate it', async () => {
    const executive = await onVersion(v1, { intent: 'sign-off' }, 'erin')
    expect(formErrorOf(payloadOf<Reply>(executive))).toBe(
      'Only a committee member in the sales seat or the marketing seat can sign off a version',
    )
    expect(statusOf(await onVersion(v1, { intent: 'sign-off' }, 'dana'))).toBe(403)

    expect(statusOf(await onVersion(v1, { intent: 'sign-off' }, 'victor'))).toBe(302)
    const again = await onVersion(v1, { intent: 'sign-off' }, 'victor')
    expect(formErrorOf(payloadOf<Reply>(again))).toBe(
      'The sales seat has already signed off version 1 (Victor Lindqvist)',
    )
    expect(
      getDb().select().from(definitionVersions).where(eq(definitionVersions.id, v1)).get()?.status,
    ).toBe('proposed')

    expect(statusOf(await onVersion(v1, { intent: 'sign-off' }, 'clara'))).toBe(302)
    expect(
      getDb().select().from(definitionVersions).where(eq(definitionVersions.id, v1)).get()?.status,
    ).toBe('active')
  })

  it('a second version, copied from the first, supersedes it when signed off', async () => {
    const v2 = versionIdFrom(await startDraft('active'))
    const page = payloadOf<{ version: { criteria: { id: number; key: string }[] } }>(
      await versionLoader(
        getArgs(`/definition/versions/${v2}`, { cookie: cookies.sasha }, { versionId: String(v2) }),
      ),
    )
    expect(page.version.criteria.map((c) => c.key)).toEqual(['company_size', 'seniority'])
    const seniority = page.version.criteria.find((c) => c.key === 'seniority')
    await onVersion(v2, { intent: 'remove-criterion', criterionId: String(seniority?.id) })
    await onVersion(v2, {
      ...SIZE,
      criterionId: String(page.version.criteria[0]?.id),
      value: '100',
    })
    await onVersion(v2, {
      intent: 'save-criterion',
      key: 'email',
      label: 'Valid e-mail',
      field: 'email',
      operator: 'present',
      required: 'on',
    })
    await onVersion(v2, { intent: 'propose' })
    await onVersion(v2, { intent: 'sign-off' }, 'clara')
    await onVersion(v2, { intent: 'sign-off' }, 'victor')

    const statuses = getDb()
      .select()
      .from(definitionVersions)
      .all()
      .map((v) => [v.number, v.status])
    expect(statuses).toEqual([
      [1, 'superseded'],
      [2, 'active'],
    ])

    const diff = payloadOf<{ changes: unknown[] }>(
      await compareLoader(
        getArgs(`/definition/compare?from=${v1}&to=${v2}`, { cookie: cookies.dana }),
      ),
    )
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        key: 'company_size',
        was: 'Ideal customer size: Employee count is at least 50 (required)',
        now: 'Ideal customer size: Employee count is at least 100 (required)',
        descriptionChanged: false,
      },
      { kind: 'added', key: 'email', now: 'Valid e-mail: Email is filled in (required)' },
      {
        kind: 'removed',
        key: 'seniority',
        was: 'Senior title: Title contains any of the words VP, Director, Head of or Chief (advisory)',
      },
    ])

    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectType, 'definition_version'))
      .all()
      .map((a) => a.action)
    expect(actions.filter((a) => a === 'definition.signed_off')).toHaveLength(4)
    expect(actions).toContain('definition.superseded')
    expect(actions.filter((a) => a === 'definition.activated')).toHaveLength(2)
    expect(
      getDb()
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(eq(outbox.type, 'definition.activated'))
        .all()
        .map((e) => e.payload.version),
    ).toEqual([1, 2])
  })

  it('everyone reads the definition; only admins draft', async () => {
    const page = payloadOf<{
      active: { number: number; signoffs: { seat: string }[] } | null
      canDraft: boolean
    }>(await indexLoader(getArgs('/definition', { cookie: cookies.dana })))
    expect(page.active?.number).toBe(2)
    expect(page.active?.signoffs.map((s) => s.seat)).toEqual(['marketing', 'sales'])
    expect(page.canDraft).toBe(false)
    expect(statusOf(await startDraft('empty', 'dana'))).toBe(403)
    expect(statusOf(await startDraft('empty', 'victor'))).toBe(403)
  })

  it('a proposed version can be withdrawn to draft by an admin; its sign-offs lapse', async () => {
    const v3 = versionIdFrom(await startDraft('active'))
    await onVersion(v3, { intent: 'propose' })
    await onVersion(v3, { intent: 'sign-off' }, 'victor')
    expect(statusOf(await onVersion(v3, { intent: 'withdraw' }, 'victor'))).toBe(403)
    expect(statusOf(await onVersion(v3, { intent: 'withdraw' }))).toBe(302)
    const page = payloadOf<{ version: { status: string; signoffs: unknown[] } }>(
      await versionLoader(
        getArgs(`/definition/versions/${v3}`, { cookie: cookies.sasha }, { versionId: String(v3) }),
      ),
    )
    expect(page.version).toMatchObject({ status: 'draft', signoffs: [] })
    const twice = await onVersion(v3, { intent: 'withdraw' })
    expect(formErrorOf(payloadOf<Reply>(twice))).toBe(
      'Version 3 is draft; only a proposed version can be withdrawn',
    )
  })

  it('only admins build and propose; the committee and marketers get 403', async () => {
    const open = getDb()
      .select()
      .from(definitionVersions)
      .where(eq(definitionVersions.status, 'draft'))
      .get()
    for (const who of ['victor', 'dana']) {
      expect(statusOf(await onVersion(open?.id ?? 0, { ...SIZE, key: 'sneaky' }, who))).toBe(403)
      expect(statusOf(await onVersion(open?.id ?? 0, { intent: 'propose' }, who))).toBe(403)
    }
  })

  it('an unknown version is a 404', async () => {
    const missing = await settle(() =>
      versionLoader(
        getArgs('/definition/versions/999', { cookie: cookies.dana }, { versionId: '999' }),
      ),
    )
    expect(statusOf(missing)).toBe(404)
  })
})
