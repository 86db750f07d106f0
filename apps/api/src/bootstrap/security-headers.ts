import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config.schema.js';

/** Two years, the preload list's minimum is one. */
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Conservative headers for a tool used by people under surveillance: no
 * framing, no referrer leaks, scripts only from our own origin. Mantine sets
 * style attributes, hence 'unsafe-inline' for styles only. HSTS whenever
 * the hub is (or says it is) reached over https, and always in production,
 * where it must be: a downgrade to http would expose the session cookie.
 */
export function securityHeaders(config: AppConfig) {
  const alwaysHsts = config.NODE_ENV === 'production' || (config.PUBLIC_URL ?? '').startsWith('https://');
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (alwaysHsts || req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
