import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'fingerprint',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
