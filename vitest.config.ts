import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn the CLI or import 'leadsim' by name use the build: keep dist/ in step with the sources.
    globalSetup: ['test/setup/buildDist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest runs cores - 1 workers, one on a 2-core machine; many files wait on the CLI processes they spawn, so two
    // workers overlap that wait (measured on 2 cores: 307 s with one, 221 s with two, same 140 files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['test/setup/countryIndexStore.ts'],
  },
});
