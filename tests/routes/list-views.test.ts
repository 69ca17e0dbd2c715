// Issue 19 (decision 42): sortable columns on /leads, /cases and /review (validated at the edge,
// paged by keyset in each order) and saved views per person, through the real routes.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ActionReply } from '~/http/reply'
import { getDb } from '~/platform/db.server'
import { loader as casesLoader } from '~/routes/cases._index'
import { loader as leadsLoader } from '~/routes/leads._index'
import { loader as reviewLoader } from '~/routes/review._index'
import { action as saveAction } from '~/routes/views._index'
import { action as viewAction, loader as viewLoader } from '~/routes/views.$viewId'
import { savedViews } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { rejectedLead, seedTeam } from '../support/factories'
import { getArgs, locationOf, payloadOf, postArgs, settle, statusOf } from '../support/http'
import { handOverLead } from '../support/leads'
import { signInAs } from '../support/users'

const cookies: Record<string, string> = {}
const DAY = 86_400_000
const T0 = new Date('2026-11-02T09:00:00Z').getTime()

beforeAll(async () => {
  await seedTeam(new Date(T0 - 30 * DAY))
  activateDefinition(getDb(), ICP_CRITERIA, new Date(T0 - 20 * DAY))
  for (const name of ['dana', 'maya', 'victor', 'clara'])
    cookies[name] = await signInAs(`${name}@brightline.test`)
  // Seven cases, opened a day apart, on leads handed over a day apart (Dana's and Omar's).
  for (let i = 0; i < 7; i += 1) {
    rejectedLead(i % 2 ? 'omar' : 'dana', {
      fields: { firstName: `Case${i}`, email: `case${i}@acme${i}.test` },
      handedOverAt: new Date(T0 + i * DAY),
      at: new Date(T0 + i * DAY + 3_600_000),
    })
  }
  for (let i = 0; i < 3; i += 1)
    handOverLead(
      'dana',
      { firstName: `Open${i}`, email: `open${i}@acme.test` },
      {
        at: new Date(T0 + (10 + i) * DAY),
      },
    )
})

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Rows = { rows: { id: number; name: string }[]; nextCursor: string | null }
const get = (loader: Loader, path: string, who: string) =>
  settle(() => loader(getArgs(path, { cookie: cookies[who], now: new Date(T0 + 20 * DAY) })))
const rowsOf = async (loader: Loader, path: string, who: string) =>
  payloadOf<Rows>(await get(loader, path, who))
const names = (page: Rows) => page.rows.map((r) => r.name)

async function refusal(loader: Loader, path: string, who = 'victor') {
  const r = (await get(loader, path, who)) as Response
  return [r.status, await r.text()]
}

describe('sortable columns', () => {
  it('orders the leads by hand-over either way; the old sort=oldest still works', async () => {
    const newest = names(await rowsOf(leadsLoader, '/leads?q=case', 'maya'))
    expect(newest).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Case${i} ${i + 1}`))
    const oldest = names(await rowsOf(leadsLoader, '/leads?q=case&sort=handedOver&dir=asc', 'maya'))
    expect(oldest).toEqual([...newest].reverse())
    expect(names(await rowsOf(leadsLoader, '/leads?q=case&sort=oldest', 'maya'))).toEqual(oldest)
  })

  it('orders the cases by opened-at either way, a page at a time in each order', async () => {
    const desc = (await rowsOf(casesLoader, '/cases', 'maya')).rows.map((r) => r.id)
    expect(desc).toHaveLength(7)
    const asc = (await rowsOf(casesLoader, '/cases?sort=opened&dir=asc', 'maya')).rows.map(
      (r) => r.id,
    )
    expect(asc).toEqual([...desc].reverse())
    // The cursor keeps its order: pages of 50 are too long for 7 cases, so page by a cursor.
    const [, second] = asc
    const cursorless = await rowsOf(
      casesLoader,
      `/cases?sort=opened&dir=asc&after=${T0 + DAY + 3_600_000}-${second}`,
      'maya',
    )
    expect(cursorless.rows.map((r) => r.id)).toEqual(asc.slice(2))
  })

  it('orders the review queue by review clock or by opened-at, either way', async () => {
    const due = (await rowsOf(reviewLoader, '/review', 'victor')).rows.map((r) => r.id)
    expect(due).toHaveLength(7)
    const dueDesc = (
      await rowsOf(reviewLoader, '/review?sort=reviewDue&dir=desc', 'victor')
    ).rows.map((r) => r.id)
    expect(dueDesc).toEqual([...due].reverse())
    const opened = (await rowsOf(reviewLoader, '/review?sort=opened', 'victor')).rows.map(
      (r) => r.id,
    )
    expect(opened).toEqual([...due].sort((a, b) => a - b))
    const openedDesc = (
      await rowsOf(reviewLoader, '/review?sort=opened&dir=desc', 'victor')
    ).rows.map((r) => r.id)
    expect(openedDesc).toEqual([...opened].reverse())
    const after = await rowsOf(
      reviewLoader,
      `/review?sort=opened&dir=desc&after=${T0 + 4 * DAY + 3_600_000}-${openedDesc[2]}`,
      'victor',
    )
    expect(after.rows.map((r) => r.id)).toEqual(openedDesc.slice(3))
  })

  it('refuses an order a list does not offer with a 400 that names the field', async () => {
    expect(await refusal(leadsLoader, '/leads?sort=company', 'maya')).toEqual([
      400,
      'sort: must be one of handedOver',
    ])
    expect(await refusal(leadsLoader, '/leads?sort=handedOver&dir=up', 'maya')).toEqual([
      400,
      'dir: must be asc or desc',
    ])
    expect(await refusal(casesLoader, '/cases?sort=reviewDue', 'maya')).toEqual([
      400,
      'sort: must be one of opened',
    ])
    expect(await refusal(reviewLoader, '/review?sort=votes')).toEqual([
      400,
      'sort: must be one of reviewDue, opened',
    ])
    expect(await refusal(reviewLoader, '/review?dir=sideways')).toEqual([
      400,
      'dir: must be asc or desc',
    ])
  })
})

type SaveReply = ActionReply<null>
const save = (fields: Record<string, string>, who: string) =>
  settle(() => saveAction(postArgs('/views', fields, { cookie: cookies[who] })))
const open = (id: number | string, who: string) =>
  settle(() =>
    viewLoader(getArgs(`/views/${id}`, { cookie: cookies[who] }, { viewId: String(id) })),
  )
const remove = (id: number | string, who: string) =>
  settle(() =>
    viewAction(
      postArgs(
        `/views/${id}`,
        { intent: 'delete-view' },
        { cookie: cookies[who] },
        { viewId: String(id) },
      ),
    ),
  )
const viewsOn = async (who: string) =>
  payloadOf<{ views: { id: number; name: string; query: string }[] }>(
    await get(reviewLoader, '/review', who),
  ).views

describe('saved views', () => {
  it('saves the filters and sort under a name, lists them, opens and deletes one', async () => {
    const saved = await save(
      { list: 'review', name: ' Oldest first ', query: 'sort=opened&dir=asc&after=1-2&stage=' },
      'victor',
    )
    expect(statusOf(saved)).toBe(303)
    expect(locationOf(saved)).toBe('/review?sort=opened&dir=asc')
    const views = await viewsOn('victor')
    expect(views.map((v) => [v.name, v.query])).toEqual([['Oldest first', 'sort=opened&dir=asc']])
    const view = views[0] as (typeof views)[number]
    expect(locationOf(await open(view.id, 'victor'))).toBe('/review?sort=opened&dir=asc')
    // Another member has views of their own, and none of Victor's.
    expect(await viewsOn('clara')).toEqual([])
    expect(statusOf(await open(view.id, 'clara'))).toBe(404)
    expect(statusOf(await remove(view.id, 'clara'))).toBe(404)
    expect(statusOf(await open(9999, 'victor'))).toBe(404)
    const deleted = await remove(view.id, 'victor')
    expect([statusOf(deleted), locationOf(deleted)]).toEqual([303, '/review'])
    expect(await viewsOn('victor')).toEqual([])
    expect(statusOf(await remove(view.id, 'victor'))).toBe(404)
  })

  it('refuses a duplicate name for the same person and list, naming `name`', async () => {
    expect(
      statusOf(await save({ list: 'cases', name: 'Mine', query: 'stage=ignored' }, 'maya')),
    ).toBe(303)
    const again = await save({ list: 'cases', name: 'Mine', query: 'stage=before_contact' }, 'maya')
    expect(statusOf(again)).toBe(400)
    expect(payloadOf<SaveReply>(again).result?.error).toEqual({
      name: ['You already have a view of this list named “Mine”. Choose another name.'],
    })
    // The same name is free on another list, and for another person.
    expect(statusOf(await save({ list: 'leads', name: 'Mine', query: '' }, 'maya'))).toBe(303)
    expect(statusOf(await save({ list: 'cases', name: 'Mine', query: '' }, 'dana'))).toBe(303)
    const rows = getDb()
      .select({ name: savedViews.name, list: savedViews.list })
      .from(savedViews)
      .all()
    expect(rows.filter((r) => r.name === 'Mine')).toHaveLength(3)
  })

  it('refuses a blank name, an unknown list, and a review view for who cannot open the queue', async () => {
    const blank = await save({ list: 'leads', name: '  ', query: '' }, 'maya')
    expect(statusOf(blank)).toBe(400)
    expect(Object.keys(payloadOf<SaveReply>(blank).result?.error ?? {})).toEqual(['name'])
    const unknown = await save({ list: 'audit', name: 'Trail', query: '' }, 'maya')
    expect(statusOf(unknown)).toBe(400)
    expect(Object.keys(payloadOf<SaveReply>(unknown).result?.error ?? {})).toEqual(['list'])
    expect(statusOf(await save({ list: 'review', name: 'Peek', query: '' }, 'dana'))).toBe(403)
  })
})
