import { describe, expect, it } from 'vitest'
import { isLocalPath, safeRedirectTo } from '~/http/safe-redirect'

// What the sign-in page may be asked to return to, and where it sends the browser. `null` in
// the second column means "the fallback".
const CASES: [input: string | null | undefined | File, expected: string | null][] = [
  // The probe's finding: the URL parser normalises these into "//evil.test".
  ['/.//evil.test', null],
  ['/..//evil.test', null],
  ['/./..//evil.test', null],
  ['/%2e%2e//evil.test', null],
  ['/%2E//evil.test', null],
  ['/a/..//evil.test', null],
  // Protocol-relative and backslash forms.
  ['//evil.test', null],
  ['///evil.test', null],
  ['/\\evil.test', null],
  ['/\\\\evil.test', null],
  ['\\\\/evil.test', null],
  ['\\/evil.test', null],
  ['/./\\evil.test', null],
  ['/a\\b', null],
  // Tabs, newlines and other control characters, which browsers drop or reject.
  ['/\t/evil.test', null],
  ['/\n/evil.test', null],
  ['/\r\n/evil.test', null],
  ['/\u0000/evil.test', null],
  ['/\u007f/evil.test', null],
  ['/leads\r\nSet-Cookie: x=1', null],
  [' /leads', null],
  ['/leads ', null],
  // Encoded slashes stay encoded: a path on this site (a 404 at worst), never a host.
  ['%2F%2Fevil.test', null],
  ['/%2F/evil.test', '/%2F/evil.test'],
  ['/%5C/evil.test', '/%5C/evil.test'],
  ['/%2f%2fevil.test', '/%2f%2fevil.test'],
  // Unicode look-alikes of "/" and "\" (fullwidth, division and set-minus, fraction slash).
  ['/\uff0f/evil.test', null],
  ['/\u2215/evil.test', null],
  ['/\u29f5evil.test', null],
  ['/\u2044/evil.test', null],
  ['\uff0f\uff0fevil.test', null],
  ['/\u3000/evil.test', null],
  // Schemes and absolute URLs.
  ['javascript:alert(1)', null],
  ['/javascript:alert(1)', '/javascript:alert(1)'],
  ['JaVaScRiPt:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['http://evil.test', null],
  ['https://evil.test/x', null],
  ['https:evil.test', null],
  ['http:/evil.test', null],
  ['ftp://evil.test', null],
  ['evil.test', null],
  ['leads/1', null],
  ['?redirect=//evil.test', null],
  ['#//evil.test', null],
  // Nothing to go back to.
  ['', null],
  [null, null],
  [undefined, null],
  [new File(['/audit'], '/audit'), null],
  // Paths on this site are kept, with their query and hash.
  ['/', '/'],
  ['/audit', '/audit'],
  ['/leads/42?tab=timeline#attempts', '/leads/42?tab=timeline#attempts'],
  [
    '/reports/accuracy?from=2026-01-01&to=2026-12-31',
    '/reports/accuracy?from=2026-01-01&to=2026-12-31',
  ],
  ['/leads?q=%2F%2Fevil.test', '/leads?q=%2F%2Fevil.test'],
  ['/leads?next=//evil.test', '/leads?next=//evil.test'],
  ['/a/./b/../c', '/a/c'],
  ['/cases/../audit', '/audit'],
]

const BASE = 'https://leadcourt.example.com'

describe('safeRedirectTo', () => {
  it('covers at least 30 payloads', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(
    CASES.map(([input, expected]) => [JSON.stringify(input) ?? 'undefined', input, expected]),
  )('%s', (_, input, expected) => {
    const result = safeRedirectTo(input as string, '/home')
    expect(result).toBe(expected ?? '/home')
    // Whatever it answers is itself a safe Location: one leading "/", printable ASCII, and a
    // browser resolving it against the app stays on the app.
    expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/)
    expect(result).not.toContain('\\')
    expect(new URL(result, BASE).origin).toBe(BASE)
  })

  it('defaults its fallback to the home page', () => {
    expect(safeRedirectTo('/.//evil.test')).toBe('/')
    expect(safeRedirectTo(null)).toBe('/')
  })

  it('isLocalPath refuses what a browser would read as another host', () => {
    expect(isLocalPath('/leads')).toBe(true)
    expect(isLocalPath('//evil.test')).toBe(false)
    expect(isLocalPath('/\\evil.test')).toBe(false)
    expect(isLocalPath('/\t/evil.test')).toBe(false)
  })
})
