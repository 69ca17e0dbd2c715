import { defineConfig } from 'vitest/config'

// `npm run test:e2e`: real Chromium against the production build (built by the npm script).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Above startApp's own two minutes: on a loaded machine the demo seed and the cluster's
    // workers take more than one to start, and a hook that gives up first leaves the server
    // running.
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
