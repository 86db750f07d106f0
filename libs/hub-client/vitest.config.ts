import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'hub-client',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
