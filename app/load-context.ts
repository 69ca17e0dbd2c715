import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's network address, as the server sees it (used by the sign-in rate limit). */
    clientAddress: string
    /**
     * The current time: the wall clock in the server (server/main.ts), a pinned instant in
     * route tests (tests/support/http.ts).
     */
    now: () => Date
    /**
     * This request's Content-Security-Policy nonce (server/security-headers.ts), for the inline
     * scripts of the page; absent where nothing is rendered for a browser (route tests).
     */
    cspNonce?: string
  }
}

export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress || 'unknown'
}

/** "Now" for a loader or action: read it once and pass it on. */
export function nowOf(context: AppLoadContext): Date {
  return context.now()
}
