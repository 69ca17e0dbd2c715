// Where a webhook may be sent (decision 29): an http(s) URL without credentials, whose host
// resolves only to public addresses, unless Settings allow private and loopback targets (an
// on-premises CRM; tests). Checked when an endpoint is registered and again before every
// delivery (a clear refusal), and enforced where it counts: the request's own connection
// resolves the name through `connectLookup`, which refuses an inside address, so a name that
// answers a public address to the check and an inside one to the connection (DNS rebinding)
// is refused too.

import type { LookupAddress, LookupOptions } from 'node:dns'
import { lookup as dnsLookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** Resolves a host name to every address it has (dns.lookup with `all`); injectable for tests. */
export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>

export const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true })

// Private, loopback, link-local, shared (CGNAT), unique-local, multicast and reserved ranges:
// IPv4 this network, private, CGNAT, loopback, link-local, IETF protocol assignments
// (192.0.0.0/24), benchmarking (198.18.0.0/15), multicast (224.0.0.0/4), reserved (240.0.0.0/4,
// with the broadcast 255.255.255.255). IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) match the
// IPv4 ranges.
const PRIVATE = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  // IPv4-compatible (deprecated; ::/96 holds :: and ::1 too), discard-only.
  ['::', 96],
  ['100::', 64],
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002::/16) carry an IPv4
  // address a gateway reaches for us, whichever it is: refused whole.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  // Unique-local, site-local (deprecated), link-local, multicast.
  ['fc00::', 7],
  ['fec0::', 10],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6')

/** Whether an IP address is private, loopback, link-local, unique-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return true
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string }

/** The URL's shape: http or https, a host, no user name or password. No network. */
export function checkUrlShape(value: string): UrlCheck {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, message: 'Enter a full URL, such as https://crm.example.com/hooks' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'Use an https:// (or http://) URL' }
  if (url.username || url.password)
    return { ok: false, message: 'Leave the user name and password out of the URL' }
  if (!url.hostname) return { ok: false, message: 'The URL needs a host' }
  return { ok: true, url }
}

/** A host as `lookup` and `isIP` take it: without the brackets of an IPv6 literal. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1')

/**
 * Whether the URL may be sent to now: its shape, then every address its host resolves to
 * (an IP literal as it is) must be public unless `allowPrivate`. A host that does not resolve
 * is refused. The refusal is a sentence for the `url` field.
 */
export async function checkTarget(
  value: string,
  allowPrivate: boolean,
  lookup: Lookup = systemLookup,
): Promise<UrlCheck> {
  const shaped = checkUrlShape(value)
  if (!shaped.ok || allowPrivate) return shaped
  const host = bareHost(shaped.url)
  let addresses: string[]
  if (isIP(host)) addresses = [host]
  else {
    try {
      addresses = (await lookup(host)).map((a) => a.address)
    } catch {
      return { ok: false, message: `The host ${host} does not resolve` }
    }
  }
  if (addresses.length === 0) return { ok: false, message: `The host ${host} does not resolve` }
  const inside = addresses.find(isPrivateAddress)
  if (inside)
    return {
      ok: false,
      message: `${host} is a private or loopback address (${inside}); Settings do not allow webhooks to such addresses`,
    }
  return shaped
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * The `lookup` of a connection (net/tls `connect`, undici's Agent): resolves with `lookup` and,
 * unless `allowPrivate`, refuses a host any of whose addresses is private or loopback, so every
 * address a request actually connects to is checked. Answers both shapes Node asks for (one
 * address, or all of them).
 */
export function connectLookup(allowPrivate: boolean, lookup: Lookup = systemLookup) {
  return (host: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(host).then(
      (found) => {
        const family =
          options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family
        const addresses = family ? found.filter((a) => a.family === family) : found
        const inside = allowPrivate ? undefined : found.find((a) => isPrivateAddress(a.address))
        const first = addresses[0]
        if (inside)
          callback(
            new Error(
              `${host} resolved to ${inside.address}, a private or loopback address; Settings do not allow webhooks to such addresses`,
            ),
            '',
          )
        else if (!first)
          callback(Object.assign(new Error(`${host} does not resolve`), { code: 'ENOTFOUND' }), '')
        else if (options.all) callback(null, addresses)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}
