import { defineConfig } from 'vitest/config';

/**
 * Four projects, one run:
 * - domain: the pure rules;
 * - server:pglite and server:postgres: the same server suite on both engines, each worker sharing
 *   one database where every test makes its own municipality (no truncation);
 * - browser: the built screens in real Chromium against a real server.
 * The PostgreSQL URL comes from TEST_DATABASE_URL (scripts/test.mjs starts a throwaway server
 * when none is given).
 */
const server = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `server:${engine}`,
    include: ['src/server/**/*.test.ts'],
    // *.postgres.test.ts compare the embedded database with the server: they need both.
    exclude: engine === 'pglite' ? ['src/server/**/*.postgres.test.ts'] : [],
    env: { TSUNAGU_TEST_DB: engine },
    globalSetup: [`src/server/test/global-setup-${engine}.ts`],
    // One database per worker, shared by its test files.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['src/domain/**/*.test.ts'] } },
      server('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [server('postgres')] : []),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
