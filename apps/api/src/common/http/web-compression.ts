import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { setWebCacheHeaders } from './web-cache-headers.js';

const gzipAsync = promisify(gzip);

/** Built files worth compressing; names as Vite writes them (no paths, no dots-dot). */
const COMPRESSIBLE = /^\/assets\/([\w-]+(?:\.[\w-]+)*\.(js|css|svg|json|wasm))$/u;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  wasm: 'application/wasm',
};

/** True when the client takes gzip (and has not refused it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/u.test(p));
  });
}

/**
 * Serves the web client's built JavaScript and CSS gzipped (level 9), a
 * third of their size: on a slow 3G link the first page loads in seconds
 * instead of tens of seconds (apps/web/bundle-budget.json counts these
 * bytes). Each file is compressed once and kept in memory; the build's file
 * names are content hashes, so a cached copy is never stale. Anything else,
 * or a client that does not take gzip, goes on to the static file server.
 * Deliberately not a general `compression()` middleware: GraphQL answers
 * carry secrets (sealed keys, one-time links) beside values the caller
 * chose, the combination BREACH-style attacks read through compressed sizes.
 */
export function gzipWebAssets(webDist: string) {
  const cache = new Map<string, Promise<Buffer | null>>();
  const compressed = (name: string): Promise<Buffer | null> => {
    let entry = cache.get(name);
    if (!entry) {
      entry = readFile(join(webDist, 'assets', name))
        .then((data) => gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }))
        .catch(() => null);
      cache.set(name, entry);
    }
    return entry;
  };

  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const match = COMPRESSIBLE.exec((req.url ?? '').split('?')[0] ?? '');
    const [, name, ext] = match ?? [];
    if (!name || !ext || !acceptsGzip(req.headers['accept-encoding'])) return next();
    void compressed(name).then((body) => {
      if (!body) {
        cache.delete(name); // not a file of this build: the static server answers (404)
        return next();
      }
      res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Length', body.length);
      setWebCacheHeaders(res, `/assets/${name}`);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
}
