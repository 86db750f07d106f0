import { defineProject } from 'vitest/config';
import { graphqlAlias, nestTransform } from './vitest.config.js';

// Integration tests: the real app against a real PostgreSQL. One server per
// run (global setup), a fresh database per test file, cloned from a template
// migrated with the real migrations.
export default defineProject({
  oxc: nestTransform as never,
  resolve: { conditions: ['@parallax/source'], alias: graphqlAlias },
  test: {
    name: 'api-integration',
    include: ['test/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
