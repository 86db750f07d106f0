import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  resolve: { conditions: ['@parallax/source'] },
  test: {
    name: 'web',
    include: ['src/**/*.spec.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
    // Page tests render the whole app (lazy routes, worker stand-ins): generous
    // on a busy CI machine; a hung test still fails.
    testTimeout: 20_000,
    // Every spec imports the whole client (Mantine, urql, react-intl): re-importing
    // it per file tripled the project's time (188 s → 75 s on CI's 2 cores).
    // Specs share no module state they do not reset (setup.ts cleans the DOM
    // and storage after each test).
    isolate: false,
  },
});
