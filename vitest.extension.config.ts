import { defineConfig } from 'vitest/config';

/**
 * The extension test: it copies the repository, adds the fixture vendor and runs the whole project
 * in the copy, including its test suite. It takes minutes and the machine's cores, so `npm test`
 * runs it after the main suite rather than beside it.
 */
export default defineConfig({
  test: {
    include: ['test/extension/**/*.test.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
