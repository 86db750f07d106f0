import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'e2e',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['support/global-setup.ts'],
    // One browser, one app: files run one after another.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
