import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'matching',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
