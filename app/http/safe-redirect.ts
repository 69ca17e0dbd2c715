// Where to send someone after sign-in: a path on this site, or the fallback. The result is
// sent as a Location header as it is, so it is checked again after the URL parser has
// normalised it: the parser turns "/.//evil.test" and "/..//evil.test" into "//evil.test",
// which a browser reads as another host (decision 21).

const LOCAL = 'http://leadcourt.invalid'

/**
 * Whether a value stays on this site when sent as a Location: a path that starts with one "/"
 * ("//" and "/\" name another host), in printable ASCII without backslashes (browsers read "\"
 * as "/" and drop tabs and newlines, so "/\t/evil.test" is "//evil.test" to them; anything
 * else outside printable ASCII has no business in a Location a browser resolves).
 */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(path)
}

/** A path on this site to return to after sign-in; anything that could leave the site becomes `fallback`. */
export function safeRedirectTo(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || !isLocalPath(to)) return fallback
  let url: URL
  try {
    url = new URL(to, LOCAL)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  return url.origin === LOCAL && isLocalPath(path) ? path : fallback
}
