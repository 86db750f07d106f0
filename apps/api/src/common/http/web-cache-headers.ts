import type { ServerResponse } from 'node:http';

/** Vite's build output: `assets/<name>-<content hash>.<ext>`. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.[a-z0-9]+(?:\.map)?$/u;

/** A year: a hashed file never changes; a new build has new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the favicon) revalidate, so a deployment shows on the next load. */
export const REVALIDATE = 'no-cache';

/**
 * Cache-Control for the web client's files. On a slow connection the
 * second visit must not download the JavaScript again, nor even ask
 * whether it changed (`immutable`): only index.html is checked.
 */
export function setWebCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE);
}
