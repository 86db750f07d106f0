import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'cli',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
