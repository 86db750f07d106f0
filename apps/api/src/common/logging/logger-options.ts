import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.schema.js';
import { maskValues, safeErrorSerializer } from './safe-error.js';

/**
 * Structured JSON logs. Requests are logged by method, path and status only:
 * never bodies (they carry fingerprints and credentials), never query strings,
 * never cookies or authorisation headers.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      autoLogging: {
        ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health'),
      },
      serializers: {
        req: (req: IncomingMessage & { id?: unknown }) => ({
          id: req.id,
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        // Never a statement's parameters nor a quoted value (see safe-error.ts).
        err: safeErrorSerializer,
      },
      hooks: {
        // pino would use a logged error's raw message as the line's `msg`.
        logMethod(args: unknown[], method: (...a: unknown[]) => void) {
          const [first] = args;
          const err = first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined;
          if (args.length === 1 && err instanceof Error) {
            return method.apply(this, [first, maskValues(err.message)]);
          }
          return method.apply(this, args);
        },
      },
      redact: {
        paths: ['req.headers', 'req.body', 'req.query', 'res.headers'],
        remove: true,
      },
    },
  };
}
