import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn the CLI or import 'leadsim' by name use the build: keep dist/ in step with the sources.
    globalSetup: ['test/setup/buildDist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/countryIndexStore.ts'],
  },
});
