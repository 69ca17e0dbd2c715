// Zod 4 compiles object parsers with `new Function` when it may, and finds out whether it may
// by trying it once, when the first object schema is built. Under the Content-Security-Policy
// (no 'unsafe-eval', decision 21) the browser blocks the try and reports it as a violation, so
// in the browser zod runs without compiling (`jitless`); forms are small. The server keeps the
// compiled parsers (imports parse every row). root.tsx imports this module first, so it runs
// before any module of the page builds a schema.
import { z } from 'zod'

if (typeof document !== 'undefined') z.config({ jitless: true })
