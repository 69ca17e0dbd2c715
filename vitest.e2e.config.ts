import { defineConfig } from 'vitest/config'

// `npm run test:e2e`: real Chromium against the production build (built by the npm script).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
