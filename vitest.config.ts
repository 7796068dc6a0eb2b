import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'suites/**/*.test.ts'],
    // The fixture vendor compiles only inside a copy of the repository; the extension test that
    // makes that copy runs after everything else (vitest.extension.config.ts).
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'test/extension/**'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // The packed-package test installs a tarball and type-checks a consumer; give it room.
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
