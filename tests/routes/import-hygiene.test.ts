// Import hygiene (decision 45): a file's sources and campaigns are matched to the values the
// leads hold (without case silently, plurals and slips proposed), marketing maps each new value
// on the import page, the preview shows each row's rep and evaluation, and rows that do not
// meet the definition can be held back, listed and downloaded. Refusals name their field.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Preview } from '~/domain/import/preview.server'
import { leadFilterOptions } from '~/domain/leads/filter-options.server'
import { activeReps } from '~/domain/leads/owners.server'
import { LeadFieldsSchema } from '~/domain/leads/schema'
import { upsertLead, writtenLeadId } from '~/domain/leads/upsert-lead.server'
import { getDb } from '~/platform/db.server'
import { action as jobAction, loader as jobLoader } from '~/routes/imports.$jobId'
import { loader as heldBackLoader } from '~/routes/imports.$jobId.held-back[.csv]'
import { action as uploadAction } from '~/routes/imports.new'
import { leads } from '~db/schema'
import { activateDefinition, ICP_CRITERIA } from '../support/definition'
import { seedTeam } from '../support/factories'
import {
  getArgs,
  locationOf,
  payloadOf,
  postArgs,
  settle,
  statusOf,
  uploadArgs,
} from '../support/http'
import { waitForImport } from '../support/imports'
import { userId } from '../support/leads'
import { signInAs } from '../support/users'

vi.setConfig({ testTimeout: 60_000 })

const cookies: Record<string, string> = {}
beforeAll(async () => {
  await seedTeam()
  activateDefinition(getDb(), ICP_CRITERIA)
  for (const name of ['maya', 'dana']) cookies[name] = await signInAs(`${name}@brightline.test`)
  const existing = [
    ['EX-1', 'Paid search', 'Spring launch'],
    ['EX-2', 'Referral', 'Spring launch'],
    ['EX-3', 'LinkedIn', ''],
  ]
  for (const [externalId, source, campaign] of existing)
    writtenLeadId(
      upsertLead(
        getDb(),
        null,
        LeadFieldsSchema.parse({
          externalId,
          email: `${externalId}@acme.example`,
          source,
          campaign,
        }),
        { ownerId: userId('dana') },
        new Date(),
      ),
    )
})

const FILE = [
  'Lead ID,Email,Company,No. of Employees,Lead Source,Campaign',
  'H-1,h1@a.example,A,500,Paid Search,spring launch',
  'H-2,h2@b.example,B,10,Referrals,Spring Launch',
  'H-3,h3@c.example,C,120,Linkedln,',
  'H-4,h4@d.example,D,80,Podcast,',
  'H-5,h5@e.example,E,60,referrals,',
  '',
].join('\n')
const MAPPING = {
  'column-0': 'externalId',
  'column-1': 'email',
  'column-2': 'company',
  'column-3': 'employeeCount',
  'column-4': 'source',
  'column-5': 'campaign',
}

type Page = {
  job: { status: string; created: number; failed: number }
  preview: Preview
  heldBack: { total: number; rows: { line: number; identifier: string; reason: string }[] }
  errors: { total: number }
}
const page = async (id: number, who = 'maya') =>
  payloadOf<Page>(
    await jobLoader(getArgs(`/imports/${id}`, { cookie: cookies[who] }, { jobId: String(id) })),
  )
const onJob = (id: number, fields: Record<string, string>, who = 'maya') =>
  settle(() =>
    jobAction(postArgs(`/imports/${id}`, fields, { cookie: cookies[who] }, { jobId: String(id) })),
  )
const errorsOf = (reply: Response | unknown) =>
  (payloadOf<{ result: { error: Record<string, string[]> } }>(reply as Response).result?.error ??
    {}) as Record<string, string[]>
/** The form field of a value the preview listed. */
const fieldOf = (preview: Preview, field: 'source' | 'campaign', value: string) =>
  `value-${field}-${preview.values?.find((f) => f.field === field)?.values.findIndex((v) => v.value === value)}`

async function uploaded() {
  const reply = await settle(() =>
    uploadAction(
      uploadArgs('/imports/new', { name: 'hygiene.csv', content: FILE }, { cookie: cookies.maya }),
    ),
  )
  return Number(locationOf(reply)?.split('/').pop())
}

describe('the mapping step and the preview', () => {
  let id: number
  let preview: Preview

  it('lists the file’s values with their matches, and each row’s rep and evaluation', async () => {
    id = await uploaded()
    expect(statusOf(await onJob(id, { intent: 'save-mapping', ...MAPPING }))).toBe(302)
    preview = (await page(id)).preview
    const shown = (field: 'source' | 'campaign') =>
      preview.values
        ?.find((f) => f.field === field)
        ?.values.map((v) => [v.value, v.count, v.match.kind, v.choice, v.others])
    expect(shown('source')).toEqual([
      ['Referrals', 2, 'near', 'Referral', ['referrals']],
      ['Linkedln', 1, 'near', 'LinkedIn', []],
      ['Podcast', 1, 'new', 'Podcast', []],
      ['Paid Search', 1, 'same', 'Paid search', []],
    ])
    expect(shown('campaign')).toEqual([
      ['spring launch', 2, 'same', 'Spring launch', ['Spring Launch']],
    ])
    expect(preview.judged).toEqual({
      meets: 4,
      doesNotMeet: 1,
      undetermined: 0,
      holdBack: false,
      heldBack: 0,
    })
    // The rule that hands leads out: the active reps in turn.
    const reps = activeReps(getDb()).map((r) => r.name)
    expect(preview.sample.map((row) => row.owner)).toEqual(
      [0, 1, 2, 3, 4].map((i) => reps[i % reps.length]),
    )
    expect(preview.sample[0]?.fields).toContainEqual(['Source', 'Paid search'])
    expect(preview.sample[0]?.evaluation).toEqual({ overall: 'meets', failing: [] })
    expect(preview.sample[1]?.evaluation).toEqual({
      overall: 'does_not_meet',
      failing: [
        { label: 'Ideal customer size', rule: 'Employee count is at least 50', value: '10' },
      ],
    })
  })

  it('refuses a value the preview did not list, an unknown target and a bad hold-back choice, naming the field', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ 'value-source-99': 'new' }, 'value-source-99', 'This value is not one the preview listed'],
      [{ 'value-region-0': 'new' }, 'value-region-0', 'This value is not one the preview listed'],
      [
        { [fieldOf(preview, 'source', 'Podcast')]: 'to:Billboards' },
        fieldOf(preview, 'source', 'Podcast'),
        '“Billboards” is not an existing source; choose one that is',
      ],
      [
        { [fieldOf(preview, 'source', 'Podcast')]: 'Referral' },
        fieldOf(preview, 'source', 'Podcast'),
        'Choose an existing value for “Podcast” or keep it as new',
      ],
      [
        { 'hold-back': 'maybe' },
        'hold-back',
        'Choose whether rows that do not meet the definition are held back',
      ],
    ]
    for (const [fields, name, message] of cases) {
      const refused = await onJob(id, { intent: 'save-mapping', ...MAPPING, ...fields })
      expect([name, statusOf(refused)]).toEqual([name, 400])
      expect(errorsOf(refused)[name]).toEqual([message])
    }
  })

  it('applies the chosen mapping to every row, holds back the rows that do not meet the definition', async () => {
    const chosen = {
      ...MAPPING,
      [fieldOf(preview, 'source', 'Referrals')]: 'to:Referral',
      [fieldOf(preview, 'source', 'Linkedln')]: 'new',
      [fieldOf(preview, 'source', 'Podcast')]: 'new',
      'hold-back': 'yes',
    }
    expect(statusOf(await onJob(id, { intent: 'save-mapping', ...chosen }))).toBe(302)
    const held = (await page(id)).preview
    expect(held.judged).toMatchObject({ holdBack: true, heldBack: 1, doesNotMeet: 1 })
    expect(held.sample[1]).toMatchObject({
      owner: 'Nobody (held back)',
      heldBack:
        'Held back: does not meet the definition (Ideal customer size: Employee count is at least 50)',
    })
    // A held back row takes no rep's turn.
    const reps = activeReps(getDb()).map((r) => r.name)
    expect(held.sample.map((row) => row.owner)).toEqual([
      reps[0],
      'Nobody (held back)',
      reps[1],
      reps[2 % reps.length],
      reps[3 % reps.length],
    ])

    // A change since the preview is not imported.
    const changed = await onJob(id, { intent: 'start', ...chosen, 'hold-back': 'no' })
    expect(statusOf(changed)).toBe(400)
    expect(locationOf(await onJob(id, { intent: 'start', ...chosen }))).toBe(`/imports/${id}`)
    await waitForImport(id)
    // Sent twice: the second start is refused.
    expect(statusOf(await onJob(id, { intent: 'start' }))).toBe(400)

    const sourceOf = (externalId: string) =>
      getDb().select().from(leads).where(eq(leads.externalId, externalId)).get()
    expect(
      ['H-1', 'H-2', 'H-3', 'H-4', 'H-5'].map((e) => [
        e,
        sourceOf(e)?.source,
        sourceOf(e)?.campaign,
      ]),
    ).toEqual([
      ['H-1', 'Paid search', 'Spring launch'],
      ['H-2', undefined, undefined],
      ['H-3', 'Linkedln', null],
      ['H-4', 'Podcast', null],
      ['H-5', 'Referral', null],
    ])
    expect(leadFilterOptions(getDb())).toEqual({
      sources: ['LinkedIn', 'Linkedln', 'Paid search', 'Podcast', 'Referral'],
      campaigns: ['Spring launch'],
    })

    const report = await page(id)
    expect(report.job).toMatchObject({ status: 'done', created: 4, failed: 0 })
    expect(report.errors.total).toBe(0)
    expect(report.heldBack).toEqual({
      total: 1,
      rows: [
        {
          line: 3,
          identifier: 'H-2',
          reason:
            'Held back: does not meet the definition (Ideal customer size: Employee count is at least 50)',
        },
      ],
    })
    const csv = (await heldBackLoader(
      getArgs(`/imports/${id}/held-back.csv`, { cookie: cookies.maya }, { jobId: String(id) }),
    )) as Response
    expect(csv.headers.get('Content-Disposition')).toContain('hygiene-held-back-rows.csv')
    expect(await csv.text()).toBe(
      'line,lead,reason\n3,H-2,Held back: does not meet the definition (Ideal customer size: Employee count is at least 50)\n',
    )
  })

  it('is for marketing: a rep gets 403 on the page and the held back rows', async () => {
    const asRep = await settle(() =>
      jobLoader(getArgs(`/imports/${id}`, { cookie: cookies.dana }, { jobId: String(id) })),
    )
    expect(statusOf(asRep)).toBe(403)
    const csv = await settle(() =>
      heldBackLoader(
        getArgs(`/imports/${id}/held-back.csv`, { cookie: cookies.dana }, { jobId: String(id) }),
      ),
    )
    expect(statusOf(csv)).toBe(403)
  })
})
