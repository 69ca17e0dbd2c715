// Issue 17's review: every answer of the API is application/problem+json, for an address no
// endpoint has (the /api splat, any method), a POST without a token sent by curl (no Origin, no
// Authorization: the route's 401 problem, Express lets it through, tests/unit/refusals.test.ts),
// and a POST to the API's reference page.
import { describe, expect, it } from 'vitest'
import { action as splatAction, loader as splatLoader } from '~/routes/api.$'
import { action as docsAction } from '~/routes/api.docs'
import { action as leadsAction } from '~/routes/api.v1.leads._index'
import { apiToken, callApi, jsonOf } from '../support/api'

const NOW = new Date('2026-11-28T10:00:00Z')

const expectProblem = async (answer: Response, status: number, type: string) => {
  expect(answer.status).toBe(status)
  expect(answer.headers.get('Content-Type')).toBe('application/problem+json')
  expect(await jsonOf(answer)).toMatchObject({ type: `/api/problems/${type}`, status })
}

describe('problems under /api', () => {
  it('answers a 404 problem to an address no endpoint has, whatever the method, token or not', async () => {
    const { token } = apiToken(['leads:read'])
    for (const path of ['/api/v1/nothing', '/api/v2/leads', '/api/v1/leads/7/explode', '/api']) {
      const get = await callApi(splatLoader, 'GET', path, { token, now: NOW })
      await expectProblem(get, 404, 'not-found')
      expect((await jsonOf<{ detail: string }>(get)).detail).toContain(path)
      await expectProblem(await callApi(splatLoader, 'GET', path, { now: NOW }), 404, 'not-found')
      await expectProblem(
        await callApi(splatAction, 'POST', path, { body: { a: 1 }, now: NOW }),
        404,
        'not-found',
      )
    }
  })

  it('answers curl’s POST without a token (no Origin, no Authorization) with the 401 problem', async () => {
    const answer = await callApi(leadsAction, 'POST', '/api/v1/leads', {
      body: { external_id: 'X-1' },
      headers: { Origin: null },
      now: NOW,
    })
    await expectProblem(answer, 401, 'unauthorized')
    expect(answer.headers.get('WWW-Authenticate')).toBe('Bearer')
  })

  it('answers a POST to the reference page with a 405 problem and Allow', async () => {
    const answer = await callApi(docsAction, 'POST', '/api/docs', { now: NOW })
    await expectProblem(answer, 405, 'method-not-allowed')
    expect(answer.headers.get('Allow')).toBe('GET, HEAD')
  })
})
