import { describe, expect, it } from 'vitest'
import { noticeOf, withNotice } from '~/http/notice'

const NOTICES = { voted: 'Your vote is in.', decided: 'Your vote decided the case.' }

describe('a notice across a redirect', () => {
  it('puts the key in the query string, after any there already', () => {
    expect(withNotice('/cases/7', 'voted')).toBe('/cases/7?notice=voted')
    expect(withNotice('/leads?source=Webinar', 'rejected')).toBe(
      '/leads?source=Webinar&notice=rejected',
    )
    expect(withNotice('/leads/3', 'a b&c')).toBe('/leads/3?notice=a%20b%26c')
  })

  it('shows only the sentences the page lists', () => {
    expect(noticeOf(new URLSearchParams('notice=decided'), NOTICES)).toBe(
      'Your vote decided the case.',
    )
    expect(noticeOf(new URLSearchParams('notice=voted&x=1'), NOTICES)).toBe('Your vote is in.')
    expect(noticeOf(new URLSearchParams('notice=toString'), NOTICES)).toBeNull()
    expect(noticeOf(new URLSearchParams('notice=%3Cb%3E'), NOTICES)).toBeNull()
    expect(noticeOf(new URLSearchParams(''), NOTICES)).toBeNull()
  })
})
