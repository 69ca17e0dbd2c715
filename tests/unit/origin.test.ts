import { describe, expect, it } from 'vitest'
import { isSameOriginRequest } from '~/http/origin.server'

const request = (method: string, headers: Record<string, string>) => ({
  method,
  url: 'http://localhost:3000/sign-in',
  headers: new Headers(headers),
})

describe('same-origin check for state-changing requests', () => {
  it('lets safe methods through whatever their headers', () => {
    expect(isSameOriginRequest(request('GET', { Origin: 'https://evil.test' }))).toBe(true)
    expect(isSameOriginRequest(request('HEAD', {}))).toBe(true)
  })

  it('judges a POST by its Origin', () => {
    expect(isSameOriginRequest(request('POST', { Origin: 'http://localhost:3000' }))).toBe(true)
    expect(isSameOriginRequest(request('POST', { Origin: 'https://evil.test' }))).toBe(false)
    expect(isSameOriginRequest(request('POST', { Origin: 'http://localhost:3001' }))).toBe(false)
  })

  it('falls back to the Referer when Origin is absent or "null"', () => {
    expect(
      isSameOriginRequest(request('POST', { Referer: 'http://localhost:3000/admin/users' })),
    ).toBe(true)
    expect(isSameOriginRequest(request('POST', { Referer: 'https://evil.test/page' }))).toBe(false)
    expect(
      isSameOriginRequest(request('DELETE', { Origin: 'null', Referer: 'http://localhost:3000/' })),
    ).toBe(true)
    expect(isSameOriginRequest(request('POST', { Origin: 'null' }))).toBe(false)
    expect(isSameOriginRequest(request('POST', { Referer: 'not a url' }))).toBe(false)
  })

  it('refuses a POST with neither header', () => {
    expect(isSameOriginRequest(request('POST', {}))).toBe(false)
  })
})
