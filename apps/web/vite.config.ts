import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** In development the API runs on :3000; the browser only ever talks to one origin. */
const api = 'http://127.0.0.1:3000';
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: api, ws: true },
  '/health': { target: api },
};

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // Workspace libraries resolve to their TypeScript sources.
    conditions: ['@parallax/source', ...defaultClientConditions],
  },
  css: {
    postcss: { plugins: [postcssPresetMantine()] },
  },
  server: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4300, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Third-party code changes less often than ours: separate chunks stay
        // cached across deployments, which matters on slow connections.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            // Not the charts: they (and recharts) stay with the metrics pages that use them.
            {
              name: 'mantine',
              test: /[\\/]node_modules[\\/]@mantine[\\/](?!charts[\\/])/,
              priority: 20,
            },
            // HPKE opens and seals working-group keys: loaded with the code
            // that does it, after sign-in, not on the first page.
            { name: 'preload', test: /preload-helper/, priority: 40 },
            { name: 'hpke', test: /[\\/]node_modules[\\/]@hpke[\\/]/, priority: 15 },
            // What every page needs (routing, data, messages, policy). Other
            // packages (QR codes, curves, ciphers…) stay with the lazy pages
            // that use them: a catch-all vendor chunk would put them all on
            // the first page (apps/web/bundle-budget.json).
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react-router|urql|@urql|wonka|@0no-co|react-intl|@formatjs|intl-messageformat|@casl|@ucast)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
