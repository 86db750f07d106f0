import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// One Vitest run covers every project: each project's own vitest.config.ts
// says what it tests and how (unit, integration against PostgreSQL, e2e).
export default defineConfig({
  root,
  test: {
    projects: [
      'libs/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'apps/*/vitest.integration.config.ts',
      'tests/*/vitest.config.ts',
    ],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Vitest's default on a 2-core machine is one worker, so the browser and
    // PostgreSQL suites, which mostly wait on other processes, ran one file
    // after another. Two workers overlap that waiting; e2e files still run
    // one at a time among themselves (one shared app and browser).
    maxWorkers: 2,
  },
});
