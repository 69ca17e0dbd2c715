// The security headers of every response (pages, CSVs, static files, error pages, the 403 of
// the same-origin check): helmet's, with a Content-Security-Policy whose scripts must carry
// this request's nonce, and a Permissions-Policy, which helmet does not set (decision 21).
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'

/** Features no page of Leadcourt uses: denied to the page and to anything it could embed. */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ')

/** This request's CSP nonce (set by `securityHeaders`, read by the Remix load context). */
export function cspNonceOf(res: Response | ServerResponse): string {
  return (res as Response).locals.cspNonce as string
}

const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${cspNonceOf(res)}'`

export type SecurityOptions = {
  /** Vite's dev server: its client runs inline and eval'd scripts and talks over a websocket. */
  development: boolean
  /** Whether the site is served over HTTPS (the session cookie is Secure): adds HSTS. */
  https: boolean
}

export function securityHeaders({ development, https }: SecurityOptions): RequestHandler[] {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Remix's inline scripts (<Scripts>, <ScrollRestoration>) carry the nonce; the bundles
        // are files on this origin. A nonce makes browsers ignore 'unsafe-inline', so
        // development, whose Vite client needs inline and eval'd code, goes without one.
        'script-src': development
          ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
          : ["'self'", nonce],
        'script-src-attr': ["'none'"],
        // The stylesheet is a file; Recharts renders style="..." attributes (the responsive
        // container's size, the tooltip, the legend), which only 'unsafe-inline' allows. Style
        // attributes cannot run code; <style> elements still need the nonce outside development.
        'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': development ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // The same-origin check (app/http/origin.server.ts) reads Referer when Origin is absent:
    // "same-origin" sends it in full to this site and nothing to any other.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https
      ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }
      : false,
    xFrameOptions: { action: 'deny' },
  })
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64')
      next()
    },
    policy,
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
      next()
    },
  ]
}
