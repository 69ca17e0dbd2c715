// The probe of issue 14 filled the log with 2,184 stack traces by posting to pages that take no
// form: Remix's own 4xx refusals are not logged; faults are.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handleError } from '~/entry.server'

const request = () => new Request('http://leadcourt.test/reports', { method: 'POST' })
// What Remix hands handleError when a page without an action is posted to.
const refusal = { status: 405, statusText: 'Method Not Allowed', internal: true, data: 'No action' }

afterEach(() => vi.restoreAllMocks())

describe('what the server logs', () => {
  it('not Remix’s 4xx refusals, nor a request its client abandoned', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    handleError(refusal, { request: request() })
    handleError({ ...refusal, status: 404, statusText: 'Not Found' }, { request: request() })
    const abandoned = new AbortController()
    abandoned.abort()
    handleError(new Error('aborted'), {
      request: new Request('http://leadcourt.test/', { signal: abandoned.signal }),
    })
    expect(logged).not.toHaveBeenCalled()
  })

  it('a fault, and a 5xx', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const fault = new Error('no such table: leads')
    handleError(fault, { request: request() })
    handleError({ ...refusal, status: 500, statusText: 'Server Error' }, { request: request() })
    expect(logged.mock.calls.map((call) => call[0])).toEqual([
      fault,
      { ...refusal, status: 500, statusText: 'Server Error' },
    ])
  })
})
