// Issue 14, finding 6: bad input gets a 4xx, never a 5xx. Every route in app/routes (found from
// the files), with its ids real and malformed, every GET with malformed query strings, every
// action with malformed methods, bodies, intents and origins, as an anonymous visitor and as
// each role of the demo. A thrown Error counts as the 500 Remix would answer. All failures are
// reported together.
import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '~/demo/seed.server'
import { METRICS_PATH } from '~/domain/reports/metric-links'
import { ALLOWED_METHODS } from '~/http/form.server'
import { getDb } from '~/platform/db.server'
import { action as newImport } from '~/routes/imports.new'
import { cases, definitionVersions, reasons } from '~db/schema'
import {
  encode,
  loadRoute,
  malformedIds,
  patternOf,
  postCases,
  QUERIES,
  type Route,
  routeFiles,
} from '../support/bad-input'
import { getArgs, locationOf, ORIGIN, requestArgs, settle, statusOf } from '../support/http'
import { userId } from '../support/leads'
import { signInAs } from '../support/users'

// An anonymous visitor, and one person in each role (the admin and a rep among them).
const WHO = ['anonymous', 'sasha', 'dana', 'maya', 'victor', 'felix'] as const
type Who = (typeof WHO)[number]
const cookies: Partial<Record<Who, string>> = {}
const realIds: Record<string, number> = {}

beforeAll(async () => {
  await seedDemo(getDb(), new Date())
  for (const who of WHO) {
    if (who !== 'anonymous') cookies[who] = await signInAs(`${who}@brightline.test`)
  }
  const db = getDb()
  const upload = await settle(() =>
    newImport(
      requestArgs(
        '/imports/new',
        { method: 'POST', body: csvUpload('email,company\na@globex.example,Globex\n') },
        { cookie: cookies.sasha },
      ),
    ),
  )
  // Dana's case: she is its rep, so the rep sees it; Omar is the user an admin acts on (not
  // anyone this test signs in as, so deactivating him changes nobody's answers).
  const danaCase = db
    .select()
    .from(cases)
    .where(eq(cases.repId, userId('dana')))
    .get()
  Object.assign(realIds, {
    leadId: danaCase?.leadId ?? 0,
    caseId: danaCase?.id ?? 0,
    versionId: db.select().from(definitionVersions).orderBy(desc(definitionVersions.id)).get()?.id,
    jobId: Number(locationOf(upload)?.split('/').pop()),
    userId: userId('omar'),
    reasonId: db.select().from(reasons).get()?.id,
  })
}, 180_000)

function csvUpload(content: string) {
  const body = new FormData()
  body.append('file', new Blob([content], { type: 'text/csv' }), 'leads.csv')
  return body
}

type Answer = { status: number; error?: string; allow?: string }

/** Runs a loader or action; a thrown Response is its status, a thrown Error is a 500. */
async function run(fn: () => unknown): Promise<Answer> {
  try {
    const result = await settle(async () => fn())
    const allow = result instanceof Response ? result.headers.get('Allow') : null
    return { status: statusOf(result), ...(allow ? { allow } : {}) }
  } catch (error) {
    return { status: 500, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The route's path with each param filled: the real id, or `ids[param]` when given. */
function pathOf(route: Route, ids: Record<string, string>) {
  return route.pattern
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name] as string))
    .replace('*', 'no/such/page')
}

/** A report reads a date range from its query; the index and the definitions page read none. */
const isReport = (route: Route) =>
  route.pattern.startsWith('/reports/') && ![METRICS_PATH].includes(route.pattern)

/** Every request the corpus sends to one route, as each person; returns its count and failures. */
async function probe(route: Route): Promise<{ size: number; failures: string[] }> {
  const failures: string[] = []
  let size = 0
  const record = (method: string, who: Who, name: string, got: Answer, why: string | null) => {
    size++
    if (why) failures.push(`${route.pattern} ${method} as ${who}, ${name}: ${got.status} (${why})`)
  }
  const real = Object.fromEntries(Object.entries(realIds).map(([k, v]) => [k, String(v)]))
  const idSets = [
    { name: 'real ids', ids: real, malformed: false },
    ...route.params.flatMap((param) =>
      malformedIds(realIds[param] ?? 1).map((bad) => ({
        name: `${param}=${JSON.stringify(bad)}`,
        ids: { ...real, [param]: bad },
        malformed: true,
      })),
    ),
  ]
  const path = pathOf(route, real)
  const { loader, action } = route.module
  for (const who of WHO) {
    const options = { cookie: cookies[who] ?? null }
    // Malformed ids name nothing: whoever is signed in gets a 4xx (the guard's 403, or 404).
    for (const set of idSets) {
      const at = pathOf(route, set.ids)
      const refused = set.malformed && who !== 'anonymous' ? 'not 2xx' : null
      if (loader) {
        const got = await run(() => loader(getArgs(at, options, set.ids)))
        record('GET', who, set.name, got, verdict(got, refused, allowOf(route)))
      }
      if (action && set.malformed) {
        const body = withType(
          encode({ kind: 'form', fields: [['intent', route.intents[0] ?? 'x']] }),
        )
        const got = await run(() =>
          action(requestArgs(at, { method: 'POST', ...body }, options, set.ids)),
        )
        record('POST', who, set.name, got, verdict(got, refused, allowOf(route)))
      }
    }
    if (loader) {
      for (const q of QUERIES) {
        const got = await run(() => loader(getArgs(`${path}?${q.query}`, options, real)))
        const dates = q.dates && isReport(route) && who !== 'anonymous'
        record('GET', who, q.name, got, verdict(got, dates ? 'not 2xx' : null, allowOf(route)))
      }
    }
    if (!action) continue
    for (const c of postCases(route)) {
      if (c.only && !c.only.includes(who)) continue
      const encoded = withType(encode(c.body))
      const headers: Record<string, string | null> = { ...encoded.headers }
      for (const [name, value] of Object.entries(c.headers ?? {})) {
        headers[name] = value === 'SAME_SITE' ? `${ORIGIN}${path}` : value
      }
      const got = await run(() =>
        action(requestArgs(path, { method: c.method, body: encoded.body, headers }, options, real)),
      )
      record(c.method, who, c.name, got, verdict(got, c.expect ?? null, allowOf(route)))
    }
  }
  return { size, failures }
}

const all: string[] = []
let corpusSize = 0

describe('the bad-input corpus', () => {
  it('flat-route file names map to their URLs', () => {
    expect(patternOf('imports.$jobId.errors[.csv].tsx')).toBe('/imports/:jobId/errors.csv')
    expect(patternOf('reports.sla[.csv].tsx')).toBe('/reports/sla.csv')
    expect(patternOf('leads.$leadId_.edit.tsx')).toBe('/leads/:leadId/edit')
    expect(patternOf('definition._index.tsx')).toBe('/definition')
    expect(patternOf('_index.tsx')).toBe('/')
    expect(patternOf('$.tsx')).toBe('/*')
  })

  it.each(routeFiles())('%s: no 5xx, and each known refusal', async (file) => {
    const { size, failures } = await probe(await loadRoute(file))
    corpusSize += size
    all.push(...failures)
    expect(failures, `${failures.length} of ${size} requests failed`).toEqual([])
  })

  it('the whole corpus: every route, no 5xx', () => {
    const fivexx = all.filter((f) => / 5\d\d \(/.test(f)).length
    console.log(
      `bad-input corpus: ${corpusSize} requests, ${fivexx} answered 5xx, ${all.length} failed`,
    )
    expect(corpusSize).toBeGreaterThan(5000)
    expect(all, `${all.length} of ${corpusSize} requests failed`).toEqual([])
  })
})

function withType(encoded: ReturnType<typeof encode>): {
  body: BodyInit | null
  headers: Record<string, string>
} {
  return {
    body: encoded.body,
    headers: encoded.contentType ? { 'Content-Type': encoded.contentType } : {},
  }
}

/** The methods a route's 405 may name: an API endpoint answers GET and HEAD, POST, or all three. */
const allowOf = (route: Route) =>
  route.pattern.startsWith('/api/') ? ['GET, HEAD', 'POST', 'GET, HEAD, POST'] : [ALLOWED_METHODS]

/** Why an answer fails: a 5xx always; `expected` an exact status or "not 2xx". */
function verdict(
  got: Answer,
  expected: number | 'not 2xx' | null,
  allow: readonly string[] = [ALLOWED_METHODS],
) {
  if (got.status >= 500) return got.error ?? 'a 5xx'
  if (got.status === 405 && !allow.includes(got.allow ?? '')) return 'a 405 without Allow'
  if (expected === 'not 2xx' && got.status < 300) return 'expected a 4xx'
  if (typeof expected === 'number' && got.status !== expected) return `expected ${expected}`
  return null
}
