/** A request's query string as an object, without the empty values a GET form sends for "any". */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(
    [...new URL(request.url).searchParams].filter(([, value]) => value.trim() !== ''),
  )
}
