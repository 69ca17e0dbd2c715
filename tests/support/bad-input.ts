// The bad-input corpus (issue 14, finding 6): every route in app/routes, found from the files so
// a new route is covered without editing this, with malformed ids, query strings, methods,
// bodies and origins. Each case is a request to build and, where the answer is exactly known,
// the status it must get. The route test (tests/routes/bad-input.test.ts) runs it against the
// loaders and actions.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

const ROUTES = join(process.cwd(), 'app/routes')

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown
export type RouteModule = { loader?: Handler; action?: Handler }

export type Route = {
  file: string
  /** The URL pattern, with `:name` for each `$name` segment (`/leads/:leadId`). */
  pattern: string
  params: string[]
  /** The intents the route's dispatcher lists (read from its source). */
  intents: string[]
  /** An API route whose action is a write (`apiWrite`): POST answers 401 without a token. */
  apiWrite: boolean
  module: RouteModule
}

/** A flat-routes file name as its URL: `imports.$jobId.errors[.csv].tsx` → `/imports/:jobId/errors.csv`, `leads.$leadId_.edit.tsx` → `/leads/:leadId/edit`. */
export function patternOf(file: string): string {
  const name = file.replace(/\.tsx?$/, '')
  const segments = name
    .replace(/\[\.([a-z]+)\]/g, '\u0000$1')
    .split('.')
    .map((s) => s.replaceAll('\u0000', '.'))
    .filter((s) => s !== '_index')
    // A trailing `_` un-nests a route from its parent's layout (`leads.$leadId_.edit`): no URL part.
    .map((s) => (s.length > 1 && s.endsWith('_') ? s.slice(0, -1) : s))
    .map((s) => (s === '$' ? '*' : s.startsWith('$') ? `:${s.slice(1)}` : s))
  return `/${segments.join('/')}`
}

/** The files of app/routes, sign-out last (it ends the session it is sent with). */
export function routeFiles(): string[] {
  const last = (f: string) => Number(f === 'sign-out.tsx')
  return readdirSync(ROUTES)
    .filter((f) => /\.tsx?$/.test(f))
    .sort()
    .sort((a, b) => last(a) - last(b))
}

/** A route module with its pattern and the intents its dispatcher lists (read from its source). */
export async function loadRoute(file: string): Promise<Route> {
  const source = readFileSync(join(ROUTES, file), 'utf8')
  const pattern = patternOf(file)
  const intents = [...source.matchAll(/^\s*'?([a-z][a-z-]*)'?: intent\(/gm)].map(
    (m) => m[1] as string,
  )
  const module = (await import(/* @vite-ignore */ join(ROUTES, file))) as RouteModule
  const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string)
  return { file, pattern, params, intents, apiWrite: source.includes('apiWrite('), module }
}

/** Ids that are not the canonical spelling of a record's id, for a real id. */
export function malformedIds(realId: number): string[] {
  return [
    '0',
    '-1',
    '1e3',
    '\u0000',
    '123456789012345678901234567890',
    'abc',
    `${realId}.0`,
    `0x${realId.toString(16)}`,
    ` ${realId}`,
    `+${realId}`,
    `0${realId}`,
    `${realId / 100}e2`,
    '9007199254740993',
  ]
}

const LONG = 'x'.repeat(20_000)

/** Query strings for every GET; `dates` marks the ones a report must refuse with a 4xx. */
export const QUERIES: { name: string; query: string; dates?: true }[] = [
  { name: 'impossible from', query: 'from=2026-02-31', dates: true },
  { name: 'impossible to', query: 'to=9999-99-99', dates: true },
  { name: 'inverted range', query: 'from=2026-12-31&to=2026-01-01', dates: true },
  // Over five years and 260 periods, yet cheap enough to run where the bound is not yet in force.
  { name: 'range too wide', query: 'from=2000-01-01&to=2026-12-31&period=month', dates: true },
  { name: 'period __proto__', query: 'period=__proto__&by=constructor' },
  { name: 'unknown history', query: 'history=constructor', dates: true },
  { name: 'repeated params', query: 'period=week&period=month&from=2026-01-01&from=2026-02-01' },
  { name: 'long values', query: `q=${LONG}&source=${LONG}&campaign=${LONG}&cursor=${LONG}` },
  { name: 'unicode', query: `q=${encodeURIComponent('ünï 🚀 \u202e\u0000')}&source=%F0%9F%9A%80` },
  { name: 'bad percent-encoding', query: 'q=%ZZ&from=%ZZ&status=%E0%A4%A' },
  {
    name: 'odd ids and filters',
    query:
      'ownerId=0x16a&repId=-1&reasonId=1e3&edit=abc&page=-1&cursor=%00&sort=__proto__&status=toString',
  },
  { name: 'redirect and token', query: 'redirectTo=//evil.test&token=%00&setup=__proto__' },
]

/** Field names the app's schemas read, each sent twice in the duplicated-fields case. */
export const FIELD_NAMES = [
  'at brief by campaign channel companyDomain confirmPassword contactAttempts criterionId',
  'criterionKey currentPassword customAttribute departureJustification description email field',
  'finding from isChair key label lifecycleStage marketer name needsMyVote note notesRequired',
  'notificationId occurredOn olderThanDays operator organisationName outcome ownerId password',
  'period q rationale reason reasonId redirectTo repId required returnTo roles seat sort source',
  'timeZone to token value verdict',
]
  .join(' ')
  .split(' ')

export type Body =
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'raw'; contentType: string | null; text: string }
  | { kind: 'multipart'; fields: [string, string][] }

export type PostCase = {
  name: string
  method: string
  body: Body
  headers?: Record<string, string | null>
  /** The exact status every role must get, when it is known whoever asks. */
  expect?: number
  /** Sent only as these people (for the costly cases), else as everyone. */
  only?: readonly string[]
}

const HUGE = 'y'.repeat(1_000_000)
const form = (...fields: [string, string][]): Body => ({ kind: 'form', fields })

/** The malformed submissions sent to a route with an action. */
export function postCases(route: Route): PostCase[] {
  const first = route.intents[0] ?? 'submit'
  const cases: PostCase[] = [
    { name: 'missing intent', method: 'POST', body: form(['note', 'x']) },
    { name: 'unknown intent', method: 'POST', body: form(['intent', 'explode']) },
    ...['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'].map((i) => ({
      name: `intent ${i}`,
      method: 'POST',
      body: form(['intent', i]),
    })),
    ...route.intents.flatMap((i) => [
      { name: `${i}: no fields`, method: 'POST', body: form(['intent', i]) },
      {
        name: `${i}: duplicated fields`,
        method: 'POST',
        body: form(
          ['intent', i],
          ['intent', i],
          ...FIELD_NAMES.flatMap((f): [string, string][] => [
            [f, '1'],
            [f, '2'],
          ]),
        ),
      },
    ]),
    {
      name: 'JSON body',
      method: 'POST',
      body: { kind: 'raw', contentType: 'application/json', text: `{"intent":"${first}"}` },
      expect: 415,
    },
    {
      name: 'text body',
      method: 'POST',
      body: { kind: 'raw', contentType: 'text/plain', text: `intent=${first}` },
      expect: 415,
    },
    {
      name: 'empty body, no type',
      method: 'POST',
      body: { kind: 'raw', contentType: null, text: '' },
      expect: 415,
    },
    { name: 'empty form', method: 'POST', body: form() },
    { name: 'multipart, no file', method: 'POST', body: { kind: 'multipart', fields: [] } },
    {
      name: 'multipart, intent only',
      method: 'POST',
      body: { kind: 'multipart', fields: [['intent', first]] },
    },
    {
      name: 'multipart without a boundary',
      method: 'POST',
      body: { kind: 'raw', contentType: 'multipart/form-data', text: '--x\r\n\r\n' },
    },
    {
      name: 'huge field',
      method: 'POST',
      body: form(['intent', first], ['value', HUGE]),
      only: ['sasha', 'dana'],
    },
    ...['PUT', 'DELETE', 'PATCH'].map((method) => ({
      name: method,
      method,
      body: form(['intent', first]),
      expect: 405,
    })),
    {
      name: 'Origin null, same-site Referer',
      method: 'POST',
      body: form(['intent', first]),
      headers: { Origin: 'null', Referer: 'SAME_SITE' },
      expect: 403,
    },
    {
      name: 'Origin null, no Referer',
      method: 'POST',
      body: form(['intent', first]),
      headers: { Origin: 'null' },
      expect: 403,
    },
    {
      name: 'no Origin, same-site Referer',
      method: 'POST',
      body: form(['intent', first]),
      headers: { Origin: null, Referer: 'SAME_SITE' },
    },
  ]
  // The API's read endpoints answer every method but GET and HEAD with a 405 problem, whatever
  // the body or origin (decision 27); its writes answer PUT, DELETE and PATCH so, and a POST
  // without a bearer token 401, whatever its body or origin (the corpus never sends a token;
  // the API never reads the cookie).
  if (!route.pattern.startsWith('/api/')) return cases
  // An address under /api that names no endpoint is a 404 problem, whatever the method.
  if (route.pattern === '/api/*') return cases.map((c) => ({ ...c, expect: 404 }))
  return cases.map((c) => ({ ...c, expect: route.apiWrite && c.method === 'POST' ? 401 : 405 }))
}

/** A request body and its Content-Type. */
export function encode(body: Body): { body: BodyInit | null; contentType: string | null } {
  if (body.kind === 'raw') return { body: body.text || null, contentType: body.contentType }
  if (body.kind === 'form') {
    const params = new URLSearchParams()
    for (const [name, value] of body.fields) params.append(name, value)
    return { body: params, contentType: 'application/x-www-form-urlencoded;charset=UTF-8' }
  }
  const data = new FormData()
  for (const [name, value] of body.fields) data.append(name, value)
  return { body: data, contentType: null }
}
