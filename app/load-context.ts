import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's network address, as the server sees it (used by the sign-in rate limit). */
    clientAddress: string
  }
}

export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress || 'unknown'
}
