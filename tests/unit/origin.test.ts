import { describe, expect, it } from 'vitest'
import { isApiRequest, isSameOriginRequest } from '~/http/origin.server'

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

  it('falls back to the Referer when Origin is absent', () => {
    expect(
      isSameOriginRequest(request('POST', { Referer: 'http://localhost:3000/admin/users' })),
    ).toBe(true)
    expect(isSameOriginRequest(request('POST', { Referer: 'https://evil.test/page' }))).toBe(false)
    expect(isSameOriginRequest(request('POST', { Referer: 'not a url' }))).toBe(false)
  })

  it('refuses "Origin: null" whatever the Referer (a sandboxed frame, a data: page)', () => {
    const sameSite = { Origin: 'null', Referer: 'http://localhost:3000/admin/settings' }
    expect(isSameOriginRequest(request('POST', sameSite))).toBe(false)
    expect(isSameOriginRequest(request('DELETE', sameSite))).toBe(false)
    expect(isSameOriginRequest(request('POST', { Origin: 'null' }))).toBe(false)
    expect(isSameOriginRequest(request('POST', { Origin: '' }))).toBe(false)
  })

  it('refuses what Remix would refuse with a 500: an Origin that is not the forwarded host', () => {
    const own = { Origin: 'http://localhost:3000', Host: 'localhost:3000' }
    expect(isSameOriginRequest(request('POST', own))).toBe(true)
    expect(isSameOriginRequest(request('POST', { ...own, 'X-Forwarded-Host': 'evil.test' }))).toBe(
      false,
    )
    expect(
      isSameOriginRequest(request('POST', { ...own, 'X-Forwarded-Host': 'localhost:3000, x' })),
    ).toBe(true)
  })

  it('refuses a POST with neither header', () => {
    expect(isSameOriginRequest(request('POST', {}))).toBe(false)
  })
})

describe('API calls (decisions 27, 28)', () => {
  it('skip the origin check under /api/ only, with or without a token', () => {
    expect(isApiRequest('/api/v1/reasons')).toBe(true)
    expect(isApiRequest('/api/v1/no/such/thing')).toBe(true)
    expect(isApiRequest('/api')).toBe(true)
    expect(isApiRequest('/admin/api-tokens')).toBe(false)
    expect(isApiRequest('/apix')).toBe(false)
    expect(isApiRequest('/sign-in')).toBe(false)
  })
})
