const CANONICAL_ID = /^[1-9][0-9]*$/

/**
 * A positive whole-number id from the URL, written the one way the app writes it (decision 24):
 * digits without a sign, a leading zero, spaces, a decimal point, an exponent or a hex prefix,
 * and within the safe-integer range. Anything else (`362.0`, `0x16a`, ` 362`, `3.62e2`) is a
 * 404: a malformed id names nothing, so each record has exactly one address.
 */
export function idParam(params: Record<string, string | undefined>, name: string): number {
  const text = params[name] ?? ''
  const id = CANONICAL_ID.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(id)) throw new Response('Not found', { status: 404 })
  return id
}
