import { describe, expect, it } from 'vitest'
import { idParam } from '~/http/params'

const statusOf = (text: string | undefined) => {
  try {
    return idParam({ leadId: text }, 'leadId')
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : 'threw'
  }
}

describe('ids in the URL', () => {
  it('resolve only when written the one canonical way', () => {
    expect(statusOf('362')).toBe(362)
    expect(statusOf('9007199254740991')).toBe(9007199254740991)
  })

  it.each([
    '362.0',
    '0x16a',
    ' 362',
    '362 ',
    '+362',
    '3.62e2',
    '0362',
    '0',
    '-1',
    '',
    undefined,
    'abc',
    '\u0000',
    '0b101101010',
    '9007199254740992',
    '123456789012345678901234567890',
    '３６２',
  ])('%j is a 404', (text) => {
    expect(statusOf(text)).toBe(404)
  })
})
