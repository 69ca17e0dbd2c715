// A notice carried across a redirect. An action that did what was asked answers with a redirect
// to the page (Post/Redirect/Get: a reload does not post again, and the POST renders nothing),
// and the page's sentence for it travels as a key in the URL's `notice` parameter, as
// `/?password=changed` does. Only keys the page lists are shown; anything else is ignored.

export const NOTICE_PARAM = 'notice'

/** `path` with the notice's key in its query string. */
export function withNotice(path: string, key: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${NOTICE_PARAM}=${encodeURIComponent(key)}`
}

/** The sentence of the notice the URL names, if the page knows that key. */
export function noticeOf(search: URLSearchParams, notices: Readonly<Record<string, string>>) {
  const key = search.get(NOTICE_PARAM)
  return key !== null && Object.hasOwn(notices, key) ? (notices[key] ?? null) : null
}
