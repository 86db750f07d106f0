import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, setWebCacheHeaders } from './web-cache-headers.js';

function cacheControlFor(path: string): unknown {
  const headers = new Map<string, unknown>();
  const res = { setHeader: (name: string, value: unknown) => headers.set(name, value) };
  setWebCacheHeaders(res as unknown as ServerResponse, path);
  return headers.get('Cache-Control');
}

describe('web client cache headers', () => {
  it('caches hashed build output for a year, immutable', () => {
    expect(cacheControlFor('/srv/web/dist/assets/index-Bbwa71_c.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('/srv/web/dist/assets/rolldown-runtime-WkwZ5CU-.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('/srv/web/dist/assets/index-DFn7raGQ.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('C:\\web\\dist\\assets\\react-FrbPb9NH.js')).toBe(IMMUTABLE);
  });

  it('makes index.html and unhashed files revalidate, so a deployment shows at once', () => {
    expect(cacheControlFor('/srv/web/dist/index.html')).toBe(REVALIDATE);
    expect(cacheControlFor('/srv/web/dist/favicon.svg')).toBe(REVALIDATE);
    expect(cacheControlFor('/srv/web/dist/assets/logo.svg')).toBe(REVALIDATE);
  });
});
