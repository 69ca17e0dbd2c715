// The request's Content-Security-Policy nonce, for the inline scripts Remix renders
// (<Scripts>, <ScrollRestoration>). Provided by app/entry.server.tsx from the load context; in
// the browser there is none, and none is needed: hydration runs no inline script.
import { createContext, useContext } from 'react'

export const NonceContext = createContext<string | undefined>(undefined)

export const useNonce = () => useContext(NonceContext)
