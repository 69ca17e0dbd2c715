import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// `npm test`: unit, route and component tests. Browser tests have their own config
// (vitest.e2e.config.ts) because they need a production build.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Cheap password hashes everywhere but the password tests, which ask for production's
    // (decision 18). Child processes the tests start inherit it.
    env: { PASSWORD_HASH_COST: 'test' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The query-plan tests build thousands of rows before they start: a second when the
          // machine is quiet, past the 10 s default when it is not (decision 18).
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'routes',
          include: ['tests/routes/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/fresh-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/support/dom.ts'],
        },
      },
    ],
  },
})
