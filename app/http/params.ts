/** A positive whole-number id from the URL, or a 404 (a malformed id names nothing). */
export function idParam(params: Record<string, string | undefined>, name: string): number {
  const id = Number(params[name])
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response('Not found', { status: 404 })
  return id
}
