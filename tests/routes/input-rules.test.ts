// Issue 14, finding 6 and the ids of finding 9, exactly as reported: each input gets the 4xx
// that names what was wrong (decision 24). The bad-input corpus (bad-input.test.ts) sends these
// and many more to every route; this file pins the answers.
import { beforeAll, describe, expect, it } from 'vitest'
import { ALLOWED_METHODS, NOT_A_FORM } from '~/http/form.server'
import type { ActionReply } from '~/http/reply'
import { action as settingsAction } from '~/routes/admin.settings'
import { action as startDraftAction } from '~/routes/definition._index'
import { action as versionAction } from '~/routes/definition.versions.$versionId'
import { action as leadAction, loader as leadLoader } from '~/routes/leads.$leadId'
import { action as signInAction } from '~/routes/sign-in'
import { seedTeam } from '../support/factories'
import {
  getArgs,
  locationOf,
  ORIGIN,
  payloadOf,
  postArgs,
  requestArgs,
  settle,
  statusOf,
} from '../support/http'
import { handOverLead } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}

beforeAll(async () => {
  await seedTeam()
  for (const name of ['sasha', 'dana']) cookies[name] = await signInAs(`${name}@brightline.test`)
})

const settings = (fields: Record<string, string>) =>
  settle(() => settingsAction(postArgs('/admin/settings', fields, { cookie: cookies.sasha })))

describe('intents', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    '%s is an intent no page knows: 400 naming the field intent',
    async (name) => {
      const reply = await settings({ intent: name })
      expect(statusOf(reply)).toBe(400)
      expect(payloadOf<ActionReply>(reply).result).toEqual({
        status: 'error',
        error: { intent: ['Unknown action'] },
      })
    },
  )
})

describe('a field sent twice', () => {
  it('saving a criterion with two values is refused naming value, and the list is not echoed', async () => {
    const draft = await settle(() =>
      startDraftAction(
        postArgs(
          '/definition',
          { intent: 'start-draft', from: 'empty' },
          { cookie: cookies.sasha },
        ),
      ),
    )
    const versionId = String(locationOf(draft)?.split('/').pop())
    const reply = await settle(() =>
      versionAction(
        postArgs(
          `/definition/versions/${versionId}`,
          {
            intent: 'save-criterion',
            key: 'country',
            label: 'Country',
            field: 'country',
            operator: 'in',
            value: ['United Kingdom', 'Germany'],
          },
          { cookie: cookies.sasha },
          { versionId },
        ),
      ),
    )
    expect(statusOf(reply)).toBe(400)
    // The page renders initialValue into the rule builder, which reads one value: a list there
    // was the 500.
    expect(payloadOf<ActionReply>(reply).result).toEqual({
      status: 'error',
      error: { value: ['Send value only once'] },
    })
  })
})

const raw = (path: string, method: string, headers: Record<string, string | null>, body = '') =>
  requestArgs(path, { method, headers, body: body || null }, {})

describe('bodies and methods', () => {
  it('a JSON body to /sign-in is a 415 that says a form is expected', async () => {
    const args = raw('/sign-in', 'POST', { 'Content-Type': 'application/json' }, '{"email":"x"}')
    const reply = await settle(() => signInAction(args))
    expect(statusOf(reply)).toBe(415)
    expect(await (reply as Response).text()).toBe(NOT_A_FORM)
  })

  it.each(['PUT', 'DELETE', 'PATCH'])(
    '%s to an action route is a 405 with Allow',
    async (method) => {
      const args = requestArgs(
        '/admin/settings',
        {
          method,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'intent=sla',
        },
        { cookie: cookies.sasha },
      )
      const reply = (await settle(() => settingsAction(args))) as Response
      expect(reply.status).toBe(405)
      expect(reply.headers.get('Allow')).toBe(ALLOWED_METHODS)
      expect(await reply.text()).toBe(`${method} is not allowed here; use GET, HEAD, POST.`)
    },
  )
})

describe('origins', () => {
  it('Origin: null is refused with 403 even with a same-site Referer', async () => {
    const args = requestArgs(
      '/admin/settings',
      {
        method: 'POST',
        headers: {
          Origin: 'null',
          Referer: `${ORIGIN}/admin/settings`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'intent=sla',
      },
      { cookie: cookies.sasha },
    )
    expect(statusOf(await settle(() => settingsAction(args)))).toBe(403)
  })
})

describe('ids', () => {
  it('only the canonical id opens a lead: 362.0, 0x16a and friends are 404', async () => {
    const leadId = handOverLead('dana')
    const open = (text: string) =>
      settle(() =>
        leadLoader(
          getArgs(`/leads/${encodeURIComponent(text)}`, { cookie: cookies.dana }, { leadId: text }),
        ),
      )
    expect(statusOf(await open(String(leadId)))).toBe(200)
    for (const text of [
      `${leadId}.0`,
      `0x${leadId.toString(16)}`,
      ` ${leadId}`,
      `+${leadId}`,
      `0${leadId}`,
      `${leadId / 100}e2`,
    ]) {
      expect(statusOf(await open(text)), text).toBe(404)
    }
    const act = await settle(() =>
      leadAction(
        postArgs(
          `/leads/${leadId}.0`,
          { intent: 'accept' },
          { cookie: cookies.dana },
          { leadId: `${leadId}.0` },
        ),
      ),
    )
    expect(statusOf(act)).toBe(404)
  })
})
