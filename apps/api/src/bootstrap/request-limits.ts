import { Logger } from '@nestjs/common';
import { ErrorCode, errorCategoryOf } from '@parallax/domain';
import type { NextFunction, Request, Response } from 'express';

/** Express's "trust proxy" from TRUST_PROXY: false, true, a hop count, or addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Warns once when requests arrive through a proxy (X-Forwarded-For) that is
 * not trusted: every client then shares the proxy's address, and one
 * outsider's failed sign-ins would pause sign-in for all of them.
 */
export function untrustedProxyWarning(trustProxy: string) {
  let warned = trustProxy !== 'false';
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      new Logger('Http').warn(
        'Requests arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is off: sign-in throttling sees the proxy, not the client. Set TRUST_PROXY to the proxy’s hop count or address.',
      );
    }
    next();
  };
}

/**
 * Turns the body parser's "too large" into the GraphQL error shape with a
 * stable code (413), instead of Express's HTML page. Registered right after
 * the JSON parser: the body was never read past the limit.
 */
export function bodyTooLarge(maxBytes: number) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type !== 'entity.too.large') return next(error);
    const code = ErrorCode.RequestTooLarge;
    res.status(413).json({
      errors: [
        {
          message: `The request body is larger than ${maxBytes} bytes`,
          extensions: { code, category: errorCategoryOf(code) },
        },
      ],
    });
  };
}
